#include "channel/httpserver.h"

#include "core/logcategories.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace m1 {

HttpServer::HttpServer(HttpServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer() = default;

void HttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void HttpServer::setErrorObserver(HttpConnection::ErrorObserver observer)
{
    m_errorObserver = std::move(observer);
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server->listen(address, port))
        return true;
    if (error)
        *error = u"cannot listen on "_s + address.toString() + u':' + QString::number(port)
            + u": "_s + m_server->errorString();
    return false;
}

void HttpServer::close()
{
    m_server->close();
}

bool HttpServer::isListening() const
{
    return m_server->isListening();
}

quint16 HttpServer::serverPort() const
{
    return m_server->serverPort();
}

QHostAddress HttpServer::serverAddress() const
{
    return m_server->serverAddress();
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections >= m_options.maxConnections || !m_handler) {
            if (m_handler)
                qCWarning(lcChannel) << "HTTP connection refused: limit of"
                                     << m_options.maxConnections << "connections reached";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_connections;
        auto *connection = new HttpConnection(socket, m_options, m_handler, this);
        connection->setErrorObserver(m_errorObserver);
        connect(connection, &HttpConnection::closed, this, [this] { --m_connections; });
    }
}

} // namespace m1
