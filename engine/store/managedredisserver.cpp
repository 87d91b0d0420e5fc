#include "store/managedredisserver.h"

#include "core/logcategories.h"
#include "store/redissocketprobe.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QPromise>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

constexpr int kProbeTimeoutMs = 1000;
constexpr int kPollIntervalMs = 25;

QByteArray quoted(const QString &path)
{
    QByteArray out = "\"";
    for (char c : path.toUtf8()) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

} // namespace

ManagedRedisServer::ManagedRedisServer(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(QDir::cleanPath(QDir(dataDir).absolutePath()))
    , m_executable(findExecutable())
{
}

ManagedRedisServer::~ManagedRedisServer()
{
    stop();
}

QString ManagedRedisServer::findExecutable()
{
    QString found = QStandardPaths::findExecutable(u"redis-server"_s);
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(u"redis-server"_s,
                                               { u"/usr/sbin"_s, u"/usr/local/bin"_s });
    return found;
}

QString ManagedRedisServer::socketPath() const
{
    return m_dataDir + u"/redis.sock"_s;
}

QFuture<ManagedServerStart> ManagedRedisServer::start()
{
    if (m_promise)
        return m_future; // already starting or started
    m_promise = std::make_shared<QPromise<ManagedServerStart>>();
    m_promise->start();
    m_future = m_promise->future();

    if (socketPath().toUtf8().size() > 107) {
        finish({ false, false, socketPath(),
                 u"the data folder path is too long for a unix socket (107 bytes at most): "_s
                     + m_dataDir + u"; give a shorter dataDir in the config"_s });
        return m_future;
    }
    if (!QDir().mkpath(m_dataDir)) {
        finish({ false, false, socketPath(), u"cannot create the data folder "_s + m_dataDir });
        return m_future;
    }
    // Someone (another m1bot, the console) may already run a server here: use theirs.
    RedisSocketProbe::probe(
        socketPath(), kProbeTimeoutMs, this, [this](bool answered, const QString &) {
            if (answered) {
                qCInfo(lcStore).noquote()
                    << "managed redis-server already running at" << socketPath() << "- reusing it";
                finish({ true, true, socketPath(),
                         u"reused the redis-server already running there"_s });
            } else {
                launch();
            }
        });
    return m_future;
}

void ManagedRedisServer::launch()
{
    if (m_executable.isEmpty()) {
        finish({ false, false, socketPath(),
                 u"redis-server is not installed (Debian: apt install redis-server); "
                 u"use --store memory to run without Redis"_s });
        return;
    }
    const QString configPath = m_dataDir + u"/redis.conf"_s;
    QString error;
    if (!writeConfig(configPath, &error)) {
        finish({ false, false, socketPath(), error });
        return;
    }
    QFile::remove(socketPath()); // a stale socket left by a crash; nothing answered on it

    auto *process = new QProcess(this);
    m_process = process;
    process->setProgram(m_executable);
    process->setArguments({ configPath });
    process->setWorkingDirectory(m_dataDir);
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus) {
        if (m_promise && !m_future.isFinished()) {
            finish({ false, false, socketPath(),
                     u"redis-server exited with code "_s + QString::number(code)
                         + u" while starting: "_s
                         + QString::fromLocal8Bit(process->readAll()).trimmed() + logTail() });
        } else {
            qCWarning(lcStore) << "managed redis-server exited with code" << code;
        }
        process->deleteLater();
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart && m_promise && !m_future.isFinished())
            finish({ false, false, socketPath(),
                     u"cannot run "_s + m_executable + u": "_s + process->errorString() });
    });
    qCInfo(lcStore).noquote() << "starting managed redis-server:" << m_executable << configPath;
    process->start();
    m_deadlineMs = QDateTime::currentMSecsSinceEpoch() + m_startTimeoutMs;
    QTimer::singleShot(kPollIntervalMs, this, [this] { poll(); });
}

void ManagedRedisServer::poll()
{
    if (m_future.isFinished())
        return;
    RedisSocketProbe::probe(
        socketPath(), kProbeTimeoutMs, this, [this](bool answered, const QString &detail) {
            if (m_future.isFinished())
                return;
            if (answered) {
                qCInfo(lcStore).noquote() << "managed redis-server ready at" << socketPath();
                finish({ true, false, socketPath(), u"started redis-server at "_s + socketPath() });
                return;
            }
            if (QDateTime::currentMSecsSinceEpoch() > m_deadlineMs) {
                const QString message = u"redis-server did not answer on "_s + socketPath()
                    + u" within "_s + QString::number(m_startTimeoutMs) + u" ms ("_s + detail
                    + u")"_s + logTail();
                stop(1000);
                finish({ false, false, socketPath(), message });
                return;
            }
            QTimer::singleShot(kPollIntervalMs, this, [this] { poll(); });
        });
}

void ManagedRedisServer::finish(ManagedServerStart result)
{
    if (!m_promise || m_future.isFinished())
        return;
    if (!result.ok)
        qCWarning(lcStore).noquote() << "managed redis-server:" << result.message;
    m_promise->addResult(result);
    m_promise->finish();
    Q_EMIT ready(result);
}

void ManagedRedisServer::stop(int timeoutMs)
{
    QProcess *process = m_process.data();
    if (!process)
        return;
    m_process.clear();
    if (process->state() != QProcess::NotRunning) {
        process->disconnect(this);
        process->terminate(); // SIGTERM: Redis fsyncs the append-only file and exits cleanly
        if (!process->waitForFinished(timeoutMs)) {
            qCWarning(lcStore) << "managed redis-server did not stop in" << timeoutMs
                               << "ms; killing it";
            process->kill();
            process->waitForFinished(1000);
        }
        qCInfo(lcStore).noquote() << "managed redis-server stopped";
    }
    delete process;
}

bool ManagedRedisServer::writeConfig(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"cannot write "_s + path + u": "_s + file.errorString();
        return false;
    }
    QByteArray conf
        = "# Written by m1 on every start of the managed server; edits are overwritten.\n";
    conf += "port 0\n";
    conf += "unixsocket " + quoted(socketPath()) + "\n";
    conf += "unixsocketperm 700\n";
    conf += "dir " + quoted(m_dataDir) + "\n";
    conf += "appendonly yes\n";
    conf += "appendfsync everysec\n";
    conf += "save \"\"\n";
    conf += "daemonize no\n";
    conf += "logfile " + quoted(m_dataDir + u"/redis.log"_s) + "\n";
    conf += "databases 16\n";
    file.write(conf);
    if (!file.commit()) {
        *error = u"cannot write "_s + path + u": "_s + file.errorString();
        return false;
    }
    return true;
}

QString ManagedRedisServer::logTail() const
{
    QFile log(m_dataDir + u"/redis.log"_s);
    if (!log.open(QIODevice::ReadOnly))
        return {};
    if (log.size() > 2048)
        log.seek(log.size() - 2048);
    const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
    return u"; last lines of redis.log: "_s
        + QString::fromLocal8Bit(lines.mid(std::max<qsizetype>(0, lines.size() - 3)).join(" | "));
}

} // namespace m1
