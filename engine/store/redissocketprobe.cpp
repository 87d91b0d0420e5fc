#include "store/redissocketprobe.h"

#include <QLocalSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace m1 {

void RedisSocketProbe::probe(const QString &socketPath, int timeoutMs, QObject *context,
                             Callback callback)
{
    new RedisSocketProbe(socketPath, timeoutMs, std::move(callback), context);
}

RedisSocketProbe::RedisSocketProbe(const QString &socketPath, int timeoutMs, Callback callback,
                                   QObject *parent)
    : QObject(parent)
    , m_socket(new QLocalSocket(this))
    , m_callback(std::move(callback))
{
    connect(m_socket, &QLocalSocket::connected, this,
            [this] { m_socket->write("*1\r\n$4\r\nPING\r\n"); });
    connect(m_socket, &QLocalSocket::readyRead, this, [this] {
        m_buffer += m_socket->readAll();
        const qsizetype end = m_buffer.indexOf("\r\n");
        if (end < 0)
            return;
        const QByteArray line = m_buffer.left(end);
        if (line == "+PONG")
            finish(true, u"PONG"_s);
        else // "-LOADING Redis is loading the dataset in memory", "-NOAUTH ...", ...
            finish(false, QString::fromUtf8(line.mid(1)));
    });
    connect(m_socket, &QLocalSocket::errorOccurred, this,
            [this] { finish(false, m_socket->errorString()); });
    QTimer::singleShot(timeoutMs, this, [this] { finish(false, u"no answer to PING"_s); });
    m_socket->connectToServer(socketPath);
}

void RedisSocketProbe::finish(bool answered, const QString &detail)
{
    if (m_done)
        return;
    m_done = true;
    m_socket->abort();
    m_callback(answered, detail);
    deleteLater();
}

} // namespace m1
