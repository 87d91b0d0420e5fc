#pragma once

// A small HTTP/1.1 server on QTcpServer: keep-alive, pipelining answered in order, limits
// checked before bodies are read, timeouts, and responses that may be given later through an
// HttpResponder. Written for the webhook because Qt 6.4's QHttpServer cannot safely answer
// after an asynchronous step (a QFuture-returning route crashes in QFutureInterfaceBase, a
// stored QHttpServerResponder dangles when the client leaves first) and reads every body whole
// before any size check. Also serves the fake Graph API in tests.

#include "channel/httpconnection.h"
#include "channel/httpresponder.h"
#include "channel/httpserveroptions.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

class QTcpServer;

namespace m1 {

class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = HttpConnection::Handler;

    explicit HttpServer(HttpServerOptions options = {}, QObject *parent = nullptr);
    ~HttpServer() override;

    // Must be set before listen(). The handler runs on this object's thread and answers through
    // the responder, now or later.
    void setHandler(Handler handler);
    void setErrorObserver(HttpConnection::ErrorObserver observer);

    // Port 0 picks a free port; serverPort() tells which. False with a reason on failure.
    bool listen(const QHostAddress &address, quint16 port, QString *error = nullptr);
    void close();
    bool isListening() const;
    quint16 serverPort() const;
    QHostAddress serverAddress() const;
    int connectionCount() const { return m_connections; }
    const HttpServerOptions &options() const { return m_options; }

private:
    void onNewConnection();

    HttpServerOptions m_options;
    Handler m_handler;
    HttpConnection::ErrorObserver m_errorObserver;
    QTcpServer *m_server;
    int m_connections = 0;
};

} // namespace m1
