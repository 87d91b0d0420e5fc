#include "postgrestestserver.h"

#include "unprivileged.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QVersionNumber>

#include <csignal>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool hasServerBinaries(const QString &dir)
{
    return QFileInfo(dir + u"/initdb"_s).isExecutable()
        && QFileInfo(dir + u"/postgres"_s).isExecutable();
}

QStringList serverEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        if (key.startsWith(u"PG"_s))
            env.remove(key);
    }
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"HOME"_s, home);
    return env.toStringList();
}

} // namespace

PostgresTestServer::PostgresTestServer()
    : m_dir(QDir::tempPath() + u"/m1pg-XXXXXX"_s)
{
}

PostgresTestServer::~PostgresTestServer()
{
    stop();
}

QString PostgresTestServer::binDir()
{
    const QString forced = qEnvironmentVariable("M1_PG_BINDIR");
    if (!forced.isEmpty())
        return hasServerBinaries(forced) ? forced : QString();
    // Debian keeps the server binaries out of PATH, one folder per major version.
    QDir debian(u"/usr/lib/postgresql"_s);
    QStringList versions = debian.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString &version : std::as_const(versions)) {
        const QString dir = debian.filePath(version + u"/bin"_s);
        if (hasServerBinaries(dir))
            return dir;
    }
    const QString initdb = QStandardPaths::findExecutable(u"initdb"_s);
    if (!initdb.isEmpty() && hasServerBinaries(QFileInfo(initdb).absolutePath()))
        return QFileInfo(initdb).absolutePath();
    return {};
}

SqlUrl PostgresTestServer::socketUrl(const QString &database) const
{
    return SqlUrl::postgres(socketDir(), m_port, database, user(), password());
}

SqlUrl PostgresTestServer::tcpUrl(const QString &database) const
{
    return SqlUrl::postgres(u"127.0.0.1"_s, m_port, database, user(), password());
}

bool PostgresTestServer::isRunning() const
{
    return m_process.isRunning();
}

bool PostgresTestServer::initialise(QString *error)
{
    if (!m_dir.isValid()) {
        *error = u"cannot create a temporary folder: "_s + m_dir.errorString();
        return false;
    }
    const QString pwfile = m_dir.path() + u"/pwfile"_s;
    QFile pw(pwfile);
    if (!pw.open(QIODevice::WriteOnly) || pw.write(password().toUtf8() + '\n') < 0) {
        *error = u"cannot write "_s + pwfile;
        return false;
    }
    pw.close();
    if (!Unprivileged::handOver(m_dir.path(), error) || !Unprivileged::handOver(pwfile, error))
        return false;
    QString program = binDir() + u"/initdb"_s;
    QStringList arguments { u"-D"_s,
                            dataDir(),
                            u"-U"_s,
                            user(),
                            u"--pwfile="_s + pwfile,
                            u"--auth=scram-sha-256"_s,
                            u"-E"_s,
                            u"UTF8"_s,
                            u"--locale=C"_s,
                            u"--no-sync"_s };
    if (!Unprivileged::wrap(&program, &arguments, error))
        return false;
    const QString initdbLog = m_dir.path() + u"/initdb.log"_s;
    SpawnedProcess initdb;
    initdb.setEnvironment(serverEnvironment(m_dir.path()));
    initdb.setWorkingDirectory(m_dir.path());
    initdb.setOutputFile(initdbLog);
    if (!initdb.start(program, arguments, error))
        return false;
    if (!initdb.waitForFinished(120000) || !initdb.exitedNormally() || initdb.exitCode() != 0) {
        QFile log(initdbLog);
        *error = u"initdb failed ("_s + program + u"): "_s
            + (log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll()).right(2000)
                                             : QString());
        return false;
    }
    QFile::remove(pwfile);
    m_initialised = true;
    return true;
}

bool PostgresTestServer::start(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (isRunning())
        return true;
    if (!isAvailable()) {
        *error = u"PostgreSQL server binaries (initdb, postgres) are not installed"_s;
        return false;
    }
    if (!m_initialised && !initialise(error))
        return false;
    const bool restart = m_port != 0;
    for (int attempt = 0; attempt < (restart ? 1 : 3); ++attempt) {
        if (!restart)
            m_port = freeLoopbackPort();
        QString program = binDir() + u"/postgres"_s;
        QStringList arguments { u"-D"_s, dataDir(),
                                u"-k"_s, socketDir(),
                                u"-p"_s, QString::number(m_port),
                                u"-c"_s, u"listen_addresses=127.0.0.1"_s,
                                u"-c"_s, u"fsync=off"_s,
                                u"-c"_s, u"synchronous_commit=off"_s,
                                u"-c"_s, u"full_page_writes=off"_s,
                                u"-c"_s, u"shared_buffers=16MB"_s,
                                u"-c"_s, u"max_connections=60"_s };
        if (!Unprivileged::wrap(&program, &arguments, error))
            return false;
        // The log goes to a file: a pipe nobody reads would block the server once it fills.
        const qint64 offset = QFileInfo(logPath()).size();
        m_process.setEnvironment(serverEnvironment(m_dir.path()));
        m_process.setWorkingDirectory(m_dir.path());
        m_process.setOutputFile(logPath());
        if (!m_process.start(program, arguments, error))
            return false;
        if (waitReady(offset, 60000, error))
            return true;
        stop();
    }
    return false;
}

bool PostgresTestServer::waitReady(qint64 logOffset, int timeoutMs, QString *error)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QFile log(logPath());
        if (log.open(QIODevice::ReadOnly) && log.seek(logOffset)
            && log.readAll().contains("ready to accept connections"))
            return true;
        if (!isRunning()) {
            *error = u"postgres exited on port "_s + QString::number(m_port) + u": "_s + logTail();
            return false;
        }
        QThread::msleep(50);
    }
    *error = u"postgres did not become ready on port "_s + QString::number(m_port) + u": "_s
        + logTail();
    return false;
}

void PostgresTestServer::stop()
{
    if (!isRunning())
        return;
    m_process.signal(SIGINT); // fast shutdown: clients are disconnected
    if (!m_process.waitForFinished(20000)) {
        m_process.signal(SIGKILL);
        m_process.waitForFinished(5000);
    }
}

bool PostgresTestServer::execute(const QString &database, const QString &sql, QString *error)
{
    const QString name = u"m1pgadmin-"_s + QString::number(quintptr(this), 16);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(socketDir());
        db.setPort(m_port);
        db.setDatabaseName(database);
        db.setUserName(user());
        db.setPassword(password());
        if (!db.open()) {
            *error = u"cannot connect to the test server: "_s + db.lastError().text();
        } else {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                *error = sql + u": "_s + query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool PostgresTestServer::createDatabase(const QString &name, QString *error)
{
    static const QRegularExpression valid(u"^[a-z_][a-z0-9_]*$"_s);
    if (!valid.match(name).hasMatch()) {
        *error = u"invalid database name "_s + name;
        return false;
    }
    return execute(u"postgres"_s, u"CREATE DATABASE "_s + name, error);
}

QString PostgresTestServer::logTail(int lines) const
{
    QFile log(logPath());
    if (!log.open(QIODevice::ReadOnly))
        return u"(no log)"_s;
    const QStringList all = QString::fromLocal8Bit(log.readAll()).split(u'\n');
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(u'\n');
}

} // namespace m1
