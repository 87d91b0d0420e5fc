#include "channel/httpconnection.h"

#include "channel/httpresponder.h"
#include "core/logcategories.h"

#include <QTcpSocket>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {
// After a refusal, how long the peer may keep sending (we discard it) before we cut the line.
// Closing at once would reset the connection while a client is still uploading a refused body,
// and the client would see the reset instead of our 413.
constexpr int LingerMs = 2'000;
constexpr qint64 MaxDiscardBytes = 16 * 1024 * 1024;
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpServerOptions &options,
                               Handler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_options(options)
    , m_handler(std::move(handler))
    , m_parser(options.limits)
{
    socket->setParent(this);
    // While a response is awaited nothing is read; the bounded buffer makes TCP push back.
    socket->setReadBufferSize(64 * 1024);
    m_parser.setRemoteAddress(socket->peerAddress());
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_closing && !m_halfClosed && m_socket->bytesToWrite() == 0)
            halfClose();
    });
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        m_awaiting = false;
        m_timer.stop();
        Q_EMIT closed();
        deleteLater();
    });
    restartTimer();
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::onReadyRead()
{
    if (m_closing) {
        const qint64 n = m_socket->skip(m_socket->bytesAvailable());
        m_discarded += qMax<qint64>(n, 0);
        if (m_discarded > MaxDiscardBytes)
            m_socket->abort();
        return;
    }
    if (!m_awaiting)
        process();
}

void HttpConnection::process()
{
    m_inProcess = true;
    while (!m_awaiting && !m_closing) {
        m_buffer += m_socket->readAll();
        const auto state = m_parser.feed(m_buffer);
        if (m_parser.takeContinueRequest())
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n"_ba);
        if (state == HttpRequestParser::State::Error) {
            fail(m_parser.errorStatus(), m_parser.errorMessage());
            break;
        }
        if (state == HttpRequestParser::State::NeedMore) {
            restartTimer();
            break;
        }
        HttpRequest request = m_parser.takeRequest();
        ++m_sequence;
        m_awaiting = true;
        m_keepAlive = request.keepAlive;
        m_headOnly = request.method == "HEAD";
        m_timer.stop(); // the handler bounds its own time
        m_handler(request, HttpResponder(this, m_sequence));
    }
    m_inProcess = false;
}

bool HttpConnection::respond(quint64 sequence, const HttpResponse &response)
{
    if (!isAwaiting(sequence) || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    m_awaiting = false;
    m_socket->write(response.serialize(m_keepAlive, m_headOnly));
    if (!m_keepAlive) {
        closeAfterWrite();
        return true;
    }
    restartTimer();
    // Pipelined bytes may already be waiting; a synchronous answer from inside process() is
    // picked up by its loop instead.
    if (!m_inProcess)
        process();
    return true;
}

void HttpConnection::fail(int status, const QString &message)
{
    qCDebug(lcChannel).noquote() << "HTTP" << status << "to" << m_socket->peerAddress().toString()
                                 << ":" << message;
    m_awaiting = false;
    if (m_errorObserver)
        m_errorObserver(status);
    m_socket->write(HttpResponse::text(status, message.toUtf8() + '\n').serialize(false));
    closeAfterWrite();
}

void HttpConnection::closeAfterWrite()
{
    m_closing = true;
    m_buffer.clear();
    m_timerMode = TimerMode::Linger;
    m_timer.start(LingerMs);
    if (m_socket->bytesToWrite() == 0)
        halfClose();
}

void HttpConnection::halfClose()
{
    // Our side is done: FIN after the response, then drain what the client still sends until
    // it closes (or the linger timer cuts it off).
    m_halfClosed = true;
    m_socket->flush();
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

void HttpConnection::restartTimer()
{
    if (m_closing)
        return;
    if (m_awaiting) {
        m_timer.stop();
        return;
    }
    if (m_parser.inProgress()) {
        // The read timeout runs from the first byte of a request, not from the latest one, so a
        // client trickling bytes cannot hold the connection forever.
        if (m_timerMode != TimerMode::Reading || !m_timer.isActive()) {
            m_timerMode = TimerMode::Reading;
            m_timer.start(m_options.requestTimeoutMs);
        }
    } else {
        m_timerMode = TimerMode::Idle;
        m_timer.start(m_options.idleTimeoutMs);
    }
}

void HttpConnection::onTimeout()
{
    switch (m_timerMode) {
    case TimerMode::Reading:
        fail(408,
             u"request not received within "_s + QString::number(m_options.requestTimeoutMs)
                 + u" ms"_s);
        break;
    case TimerMode::Idle:
        m_socket->disconnectFromHost();
        break;
    case TimerMode::Linger:
        m_socket->abort();
        break;
    }
}

} // namespace m1
