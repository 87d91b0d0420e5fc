// The channel's HTTP/1.1 server over raw loopback sockets: keep-alive, pipelining in order,
// deferred answers, clients that leave early, and limits enforced before bodies are read.

#include "channel/httpserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

// Reads whole responses (Content-Length framed) from a client socket. The server runs on the
// same thread, so every wait spins the event loop (QTest::qWait) instead of blocking.
class Client
{
public:
    explicit Client(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    bool connected()
    {
        return QTest::qWaitFor(
            [this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5'000);
    }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    // The next complete response ("" when none arrives in time or the peer closed first).
    QByteArray nextResponse(int timeoutMs = 10'000)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            if (QByteArray r = takeResponse(); !r.isEmpty())
                return r;
            if (timer.elapsed() > timeoutMs
                || m_socket.state() == QAbstractSocket::UnconnectedState) {
                m_buffer += m_socket.readAll();
                return takeResponse();
            }
            QTest::qWait(5);
            m_buffer += m_socket.readAll();
        }
    }

    bool waitForClose(int timeoutMs = 10'000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() != QAbstractSocket::UnconnectedState
               && timer.elapsed() < timeoutMs) {
            QTest::qWait(5);
            m_buffer += m_socket.readAll();
        }
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }

    QTcpSocket &socket() { return m_socket; }

private:
    QByteArray takeResponse()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return {};
        const QByteArray head = m_buffer.left(end).toLower();
        qsizetype length = 0;
        if (const qsizetype at = head.indexOf("content-length: "); at >= 0)
            length = head.mid(at + 16, head.indexOf("\r\n", at) - at - 16).toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return {};
        const QByteArray response = m_buffer.left(end + 4 + length);
        m_buffer.remove(0, end + 4 + length);
        return response;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

int statusOf(const QByteArray &response)
{
    return response.mid(9, 3).toInt();
}

QByteArray bodyOf(const QByteArray &response)
{
    return response.mid(response.indexOf("\r\n\r\n") + 4);
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpServer> m_server;
    QList<HttpResponder> m_deferred;
    QList<HttpRequest> m_requests;
    QList<int> m_errors;

    void start(HttpServerOptions options = {})
    {
        m_server = std::make_unique<HttpServer>(options);
        m_server->setHandler([this](const HttpRequest &request, HttpResponder responder) {
            m_requests.append(request);
            if (request.path == "/later"_L1) {
                m_deferred.append(responder);
                return;
            }
            responder.respond(HttpResponse::text(
                200, request.method + ' ' + request.path.toUtf8() + ' ' + request.body));
        });
        m_server->setErrorObserver([this](int status) { m_errors.append(status); });
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    }

private Q_SLOTS:
    void init()
    {
        m_deferred.clear();
        m_requests.clear();
        m_errors.clear();
        start();
    }

    void cleanup() { m_server.reset(); }

    void keepAliveServesSeveralRequests()
    {
        Client client(m_server->serverPort());
        QVERIFY(client.connected());
        for (int i = 0; i < 3; ++i) {
            client.send("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\n"_ba
                        + QByteArray::number(i));
            const QByteArray r = client.nextResponse();
            QCOMPARE(statusOf(r), 200);
            QCOMPARE(bodyOf(r), "POST /x "_ba + QByteArray::number(i));
            QVERIFY(r.contains("Connection: keep-alive"));
        }
        QCOMPARE(m_server->connectionCount(), 1);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        Client client(m_server->serverPort());
        QVERIFY(client.connected());
        client.send("GET /later HTTP/1.1\r\n\r\nGET /now HTTP/1.1\r\n\r\n"_ba);
        QTRY_COMPARE(m_deferred.size(), 1);
        // The second request is not even handed out before the first is answered.
        QCOMPARE(m_requests.size(), 1);
        QVERIFY(m_deferred.first().isPending());
        QVERIFY(m_deferred.first().respond(HttpResponse::text(200, "first"_ba)));
        QVERIFY(!m_deferred.first().isPending());
        QVERIFY(
            !m_deferred.first().respond(HttpResponse::text(200, "again"_ba))); // one answer only
        QCOMPARE(bodyOf(client.nextResponse()), "first"_ba);
        QCOMPARE(bodyOf(client.nextResponse()), "GET /now "_ba);
    }

    void answeringAfterTheClientLeftIsHarmless()
    {
        {
            Client client(m_server->serverPort());
            QVERIFY(client.connected());
            client.send("GET /later HTTP/1.1\r\n\r\n"_ba);
            QTRY_COMPARE(m_deferred.size(), 1);
            client.socket().abort();
        }
        QTRY_COMPARE(m_server->connectionCount(), 0);
        QVERIFY(!m_deferred.first().isPending());
        QVERIFY(!m_deferred.first().respond(HttpResponse::text(200, "too late"_ba)));
        // And the server carries on.
        Client next(m_server->serverPort());
        QVERIFY(next.connected());
        next.send("GET /ok HTTP/1.1\r\n\r\n"_ba);
        QCOMPARE(statusOf(next.nextResponse()), 200);
    }

    void oversizeBodyIsRefusedBeforeItIsSent()
    {
        HttpServerOptions options;
        options.limits.maxBodyBytes = 1000;
        start(options);
        Client client(m_server->serverPort());
        QVERIFY(client.connected());
        // Only the headers: the 413 must come without the body ever being sent.
        client.send("POST /x HTTP/1.1\r\nContent-Length: 50000000\r\n\r\n"_ba);
        const QByteArray r = client.nextResponse();
        QCOMPARE(statusOf(r), 413);
        QVERIFY(r.contains("Connection: close"));
        QVERIFY(client.waitForClose());
        QCOMPARE(m_requests.size(), 0);
        QCOMPARE(m_errors, QList<int> { 413 });
    }

    void refusedUploadStillGetsItsAnswer()
    {
        // A client that keeps uploading after the refusal still reads the 413 (the server drains
        // instead of resetting the connection).
        HttpServerOptions options;
        options.limits.maxBodyBytes = 1000;
        start(options);
        Client client(m_server->serverPort());
        QVERIFY(client.connected());
        client.send("POST /x HTTP/1.1\r\nContent-Length: 200000\r\n\r\n"_ba
                    + QByteArray(200000, 'a'));
        QCOMPARE(statusOf(client.nextResponse()), 413);
    }

    void oversizeHeadersAre431()
    {
        HttpServerOptions options;
        options.limits.maxHeaderBytes = 1024;
        start(options);
        Client client(m_server->serverPort());
        QVERIFY(client.connected());
        client.send("GET / HTTP/1.1\r\nX-Big: "_ba + QByteArray(4000, 'a'));
        QCOMPARE(statusOf(client.nextResponse()), 431);
    }

    void chunkedUpload()
    {
        Client client(m_server->serverPort());
        QVERIFY(client.connected());
        client.send(
            "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"_ba);
        QCOMPARE(bodyOf(client.nextResponse()), "POST /c abcde"_ba);
    }

    void expectContinueIsHonoured()
    {
        Client client(m_server->serverPort());
        QVERIFY(client.connected());
        client.send("POST /e HTTP/1.1\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n"_ba);
        const QByteArray interim = client.nextResponse();
        QCOMPARE(statusOf(interim), 100);
        client.send("ok"_ba);
        QCOMPARE(bodyOf(client.nextResponse()), "POST /e ok"_ba);
    }

    void connectionCloseIsRespected()
    {
        Client client(m_server->serverPort());
        QVERIFY(client.connected());
        client.send("GET /bye HTTP/1.1\r\nConnection: close\r\n\r\n"_ba);
        const QByteArray r = client.nextResponse();
        QCOMPARE(statusOf(r), 200);
        QVERIFY(r.contains("Connection: close"));
        QVERIFY(client.waitForClose());
    }

    void slowRequestsTimeOutWith408()
    {
        HttpServerOptions options;
        options.requestTimeoutMs = 200;
        start(options);
        Client client(m_server->serverPort());
        QVERIFY(client.connected());
        client.send("POST /slow HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc"_ba);
        QCOMPARE(statusOf(client.nextResponse()), 408);
        QVERIFY(client.waitForClose());
    }

    void idleConnectionsAreClosed()
    {
        HttpServerOptions options;
        options.idleTimeoutMs = 200;
        start(options);
        Client client(m_server->serverPort());
        QVERIFY(client.connected());
        client.send("GET / HTTP/1.1\r\n\r\n"_ba);
        QCOMPARE(statusOf(client.nextResponse()), 200);
        QVERIFY(client.waitForClose());
    }

    void connectionLimit()
    {
        HttpServerOptions options;
        options.maxConnections = 1;
        start(options);
        Client first(m_server->serverPort());
        QVERIFY(first.connected());
        first.send("GET /later HTTP/1.1\r\n\r\n"_ba);
        QTRY_COMPARE(m_deferred.size(), 1);
        Client second(m_server->serverPort());
        second.connected();
        QVERIFY(second.waitForClose());
        QVERIFY(m_deferred.first().respond(HttpResponse::empty(204)));
        QCOMPARE(statusOf(first.nextResponse()), 204);
    }

    void malformedRequestIs400AndClosed()
    {
        Client client(m_server->serverPort());
        QVERIFY(client.connected());
        client.send("NONSENSE\r\n\r\n"_ba);
        QCOMPARE(statusOf(client.nextResponse()), 400);
        QVERIFY(client.waitForClose());
        QCOMPARE(m_errors, QList<int> { 400 });
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
