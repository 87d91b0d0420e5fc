#include "registry/fileandhttpfetcher.h"
#include "registry/registryloader.h"

#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

// A tiny HTTP/1.0 server on a loopback port: fixed routes, 404 for the rest, and /slow which
// never answers. It runs on the test thread; the fetcher's local event loop serves it.
class LoopbackServer : public QObject
{
public:
    LoopbackServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url(const QString &path) const
    {
        return u"http://127.0.0.1:"_s + QString::number(m_server.serverPort()) + path;
    }
    void route(const QByteArray &path, const QByteArray &body) { m_routes.insert(path, body); }
    QList<QByteArray> requested;

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QByteArray path = buffer.split(' ').value(1);
        requested.append(path);
        if (path == "/slow")
            return; // hold the connection open without a word
        const auto it = m_routes.constFind(path);
        QByteArray response;
        if (it == m_routes.constEnd()) {
            response = "HTTP/1.0 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found";
        } else {
            response = "HTTP/1.0 200 OK\r\nContent-Type: application/yaml\r\nContent-Length: "
                + QByteArray::number(it->size()) + "\r\n\r\n" + *it;
        }
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QByteArray, QByteArray> m_routes;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

const QByteArray kSpec = "openapi: 3.0.0\n"
                         "info: {title: Remote, version: '1'}\n"
                         "servers: [{url: /api/v1}]\n"
                         "paths:\n"
                         "  /vehicles/{id}:\n"
                         "    get:\n"
                         "      operationId: getVehicle\n"
                         "      parameters: [{$ref: 'shared/params.yaml#/VehicleId'}]\n"
                         "      responses:\n"
                         "        '200': {description: ok, content: {application/json: {schema: "
                         "{$ref: 'shared/vehicle.json#/Vehicle'}}}}\n"
                         "  /gone:\n"
                         "    get:\n"
                         "      operationId: gone\n"
                         "      responses:\n"
                         "        '200': {description: ok, content: {application/json: {schema: "
                         "{$ref: 'shared/nope.yaml#/X'}}}}\n";

} // namespace

class TestUrlLoading : public QObject
{
    Q_OBJECT

private:
    LoopbackServer *m_server = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = new LoopbackServer;
        m_server->setParent(this);
        m_server->route("/specs/fleet.yaml", kSpec);
        m_server->route(
            "/specs/shared/params.yaml",
            "VehicleId: {name: id, in: path, required: true, schema: {type: string}}\n");
        m_server->route(
            "/specs/shared/vehicle.json",
            R"({"Vehicle": {"type": "object", "properties": {"plate": {"type": "string"}, "km": {"type": "integer"}}}})");
    }

    void loadsASpecAndItsRelativeRefsOverHttp()
    {
        const QString url = m_server->url(u"/specs/fleet.yaml"_s);
        const ToolRegistry r = RegistryLoader().load({ url });
        QCOMPARE(r.size(), 2);
        const ToolDefinition *vehicle = r.find(u"getVehicle"_s);
        QVERIFY(vehicle);
        QCOMPARE(vehicle->source, url);
        QCOMPARE(vehicle->baseUrl, m_server->url(u"/api/v1"_s)); // relative server URL, resolved
        QCOMPARE(vehicle->parameters.size(), 1);
        QCOMPARE(vehicle->parameters.first().name, u"id"_s);
        QCOMPARE(vehicle->outputKeys, (QStringList { u"km"_s, u"plate"_s }));
        QVERIFY(m_server->requested.contains("/specs/shared/params.yaml"));

        QCOMPARE(r.errors().size(), 1); // the ref to a file the server does not have
        QVERIFY2(r.errors().first().message.contains(u"HTTP 404"),
                 qPrintable(r.errors().first().message));
        QVERIFY(r.errors().first().message.contains(m_server->url(u"/specs/shared/nope.yaml"_s)));
        QCOMPARE(r.errors().first().source, url);
    }

    void notFoundIsAClearError()
    {
        const QString url = m_server->url(u"/specs/missing.yaml"_s);
        const ToolRegistry r = RegistryLoader().load({ url });
        QCOMPARE(r.size(), 0);
        QCOMPARE(r.errors().size(), 1);
        QCOMPARE(r.errors().first().source, url);
        QCOMPARE(r.errors().first().message, u"cannot read the source: HTTP 404 Not Found"_s);
    }

    void silentServerTimesOut()
    {
        RegistryLoadOptions options;
        options.networkTimeoutMs = 300;
        const ToolRegistry r = RegistryLoader(options).load({ m_server->url(u"/slow"_s) });
        QCOMPARE(r.errors().size(), 1);
        QVERIFY2(r.errors().first().message.contains(u"timed out"),
                 qPrintable(r.errors().first().message));
        QVERIFY(r.errors().first().message.contains(u"300 ms"));
    }

    void refusedConnectionIsANetworkError()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        const FetchResult result = FileAndHttpFetcher(2000).fetch(
            u"http://127.0.0.1:"_s + QString::number(port) + u"/x.yaml"_s);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(u"network error: "), qPrintable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestUrlLoading)
#include "tst_urlloading.moc"
