#include "redistestserver.h"

#include "store/managedredisserver.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

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

} // namespace

RedisTestServer::RedisTestServer()
    : m_dir(QDir::tempPath() + u"/m1redis-XXXXXX"_s)
{
}

RedisTestServer::~RedisTestServer()
{
    stop();
}

bool RedisTestServer::isAvailable()
{
    return !ManagedRedisServer::findExecutable().isEmpty();
}

QString RedisTestServer::socketPath() const
{
    return m_dir.path() + u"/redis.sock"_s;
}

QString RedisTestServer::logPath() const
{
    return m_dir.path() + u"/redis.log"_s;
}

bool RedisTestServer::isRunning() const
{
    return m_process.isRunning();
}

bool RedisTestServer::start(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (isRunning())
        return true;
    if (!isAvailable()) {
        *error = u"redis-server is not installed"_s;
        return false;
    }
    // A restart keeps its port (clients reconnect to it); a first start retries on another
    // port if someone grabbed the free one in between.
    const bool restart = m_port != 0;
    for (int attempt = 0; attempt < (restart ? 1 : 3); ++attempt) {
        if (!restart)
            m_port = freeLoopbackPort();
        QStringList arguments { u"--port"_s, QString::number(m_port), u"--bind"_s, u"127.0.0.1"_s,
                                u"--unixsocket"_s, socketPath(), u"--unixsocketperm"_s, u"700"_s,
                                u"--save"_s, u""_s, u"--dir"_s, m_dir.path(), u"--daemonize"_s,
                                u"no"_s, u"--loglevel"_s, u"warning"_s };
        if (m_appendFsync.isEmpty())
            arguments << u"--appendonly"_s << u"no"_s;
        else
            arguments << u"--appendonly"_s << u"yes"_s << u"--appendfsync"_s << m_appendFsync;
        QFile::remove(logPath()); // the error below quotes this start's output only
        m_process.setOutputFile(logPath());
        if (!m_process.start(ManagedRedisServer::findExecutable(), arguments, error))
            return false;
        if (waitForPing(10000))
            return true;
        QFile log(logPath());
        *error = u"redis-server on port "_s + QString::number(m_port) + u" did not answer: "_s
            + (log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll()) : QString());
        m_process.signal(SIGKILL);
        m_process.waitForFinished(2000);
    }
    return false;
}

bool RedisTestServer::waitForPing(int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_process.isRunning())
            return false;
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (socket.waitForConnected(200)) {
            socket.write("PING\r\n");
            if (socket.waitForBytesWritten(200) && socket.waitForReadyRead(500)
                && socket.readAll().startsWith("+PONG"))
                return true;
        }
        QThread::msleep(20);
    }
    return false;
}

void RedisTestServer::stop()
{
    if (!isRunning())
        return;
    m_process.signal(SIGTERM);
    if (!m_process.waitForFinished(5000)) {
        m_process.signal(SIGKILL);
        m_process.waitForFinished(2000);
    }
}

void RedisTestServer::freeze()
{
    if (isRunning())
        m_process.signal(SIGSTOP);
}

void RedisTestServer::thaw()
{
    if (isRunning())
        m_process.signal(SIGCONT);
}

void RedisTestServer::kill()
{
    if (!isRunning())
        return;
    m_process.signal(SIGKILL);
    m_process.waitForFinished(2000);
}

} // namespace m1
