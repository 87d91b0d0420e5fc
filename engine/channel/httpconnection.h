#pragma once

// One client connection of the channel's HTTP server: reads and parses requests, hands each to
// the handler, writes the answer when the handler (maybe much later) gives it, and keeps the
// connection alive between requests. Pipelined requests are answered strictly in order: the
// next one is not even parsed until the current one has its response, and while waiting the
// socket's read buffer is bounded, so a client cannot make the server buffer without limit.

#include "channel/httprequestparser.h"
#include "channel/httpresponse.h"
#include "channel/httpserveroptions.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace m1 {

class HttpResponder;

class HttpConnection : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const HttpRequest &, HttpResponder)>;
    // Told about requests the connection refused itself (400, 408, 413, 431, ...).
    using ErrorObserver = std::function<void(int status)>;

    // Takes ownership of `socket` (re-parented to this connection).
    HttpConnection(QTcpSocket *socket, const HttpServerOptions &options, Handler handler,
                   QObject *parent = nullptr);

    // Called through HttpResponder. False when `sequence` is not the request being awaited.
    bool respond(quint64 sequence, const HttpResponse &response);
    bool isAwaiting(quint64 sequence) const { return m_awaiting && sequence == m_sequence; }
    void setErrorObserver(ErrorObserver observer) { m_errorObserver = std::move(observer); }

Q_SIGNALS:
    void closed();

private:
    void onReadyRead();
    void process();
    void fail(int status, const QString &message);
    void closeAfterWrite();
    void restartTimer();
    void onTimeout();
    void halfClose();

    enum class TimerMode { Idle, Reading, Linger };

    QTcpSocket *m_socket;
    HttpServerOptions m_options;
    Handler m_handler;
    ErrorObserver m_errorObserver;
    HttpRequestParser m_parser;
    QByteArray m_buffer;
    QTimer m_timer;
    quint64 m_sequence = 0;
    bool m_awaiting = false; // a request was handed out and has no response yet
    bool m_headOnly = false; // the awaited request is a HEAD
    bool m_keepAlive = true; // of the awaited request
    bool m_closing = false; // answered with Connection: close; draining until the peer leaves
    bool m_halfClosed = false;
    bool m_inProcess = false;
    TimerMode m_timerMode = TimerMode::Idle;
    qint64 m_discarded = 0;
};

} // namespace m1
