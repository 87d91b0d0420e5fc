#pragma once

// A scripted HTTP/1.1 server on 127.0.0.1 for executor tests: records every request (method,
// target, headers, body) and answers from a queue of scripted responses (status, body,
// headers, delay, or never), then with a default 200. Keep-alive, Content-Length bodies only.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

class LoopbackServer : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query, as sent
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    struct Response
    {
        int status = 200;
        QByteArray body = "{\"ok\":true}";
        QByteArray contentType = "application/json";
        QList<std::pair<QByteArray, QByteArray>> headers;
        int delayMs = 0;
        bool hang = false;
    };

    LoopbackServer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_sockets.append(socket);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    void close() { m_server.close(); }
    void enqueue(const Response &r) { m_script.append(r); }
    void enqueue(int status, const QByteArray &body = "{}", int times = 1)
    {
        for (int i = 0; i < times; ++i) {
            Response r;
            r.status = status;
            r.body = body;
            m_script.append(r);
        }
    }
    const QList<Request> &requests() const { return m_requests; }
    int count() const { return int(m_requests.size()); }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            Request request;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            request.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            m_requests.append(request);
            const Response response = m_script.isEmpty() ? Response() : m_script.takeFirst();
            if (response.hang)
                continue;
            QPointer<QTcpSocket> guard(socket);
            const auto send = [guard, response] {
                if (!guard)
                    return;
                QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Status\r\n";
                if (!response.body.isEmpty())
                    out += "Content-Type: " + response.contentType + "\r\n";
                for (const auto &[name, value] : response.headers)
                    out += name + ": " + value + "\r\n";
                out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n" + response.body;
                guard->write(out);
            };
            if (response.delayMs > 0)
                QTimer::singleShot(response.delayMs, this, send);
            else
                send();
        }
    }

    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_sockets;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    QList<Response> m_script;
};
