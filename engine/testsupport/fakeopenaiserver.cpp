#include "testsupport/fakeopenaiserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <cmath>

namespace m1 {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray errorBody(const QString &message, const QString &type)
{
    QJsonObject error { { QStringLiteral("message"), message }, { QStringLiteral("type"), type } };
    return QJsonDocument(QJsonObject { { QStringLiteral("error"), error } })
        .toJson(QJsonDocument::Compact);
}

} // namespace

FakeOpenAiServer::FakeOpenAiServer(QObject *parent)
    : QObject(parent)
{
    setDimension(64);
    connect(&m_server, &QTcpServer::newConnection, this, &FakeOpenAiServer::onNewConnection);
}

FakeOpenAiServer::~FakeOpenAiServer() = default;

void FakeOpenAiServer::setDimension(int dimension)
{
    m_dimension = std::max(1, dimension);
    LocalEmbedderOptions options;
    options.dimension = m_dimension; // rounded up to a power of two; cut back in vectorFor()
    m_embedder = std::make_unique<LocalEmbedder>(options);
}

std::vector<float> FakeOpenAiServer::vectorFor(const QString &text) const
{
    std::vector<float> v = m_embedder->embedOne(text);
    if (int(v.size()) != m_dimension) {
        v.resize(size_t(m_dimension));
        double norm = 0;
        for (float f : v)
            norm += double(f) * f;
        if (norm > 0)
            for (float &f : v)
                f = float(f / std::sqrt(norm));
    }
    return v;
}

void FakeOpenAiServer::queueFailures(int count, Failure failure)
{
    for (int i = 0; i < count; ++i)
        m_failures.append(failure);
}

bool FakeOpenAiServer::listen()
{
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 FakeOpenAiServer::port() const
{
    return m_server.serverPort();
}

QUrl FakeOpenAiServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void FakeOpenAiServer::resetCounters()
{
    m_requests = 0;
    m_inputs = 0;
    m_maxConcurrent = 0;
    m_batchSizes.clear();
    m_requestTimesMs.clear();
}

void FakeOpenAiServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        m_connections.insert(socket, Connection {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeOpenAiServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->buffer.append(socket->readAll());
    // One request at a time per connection (clients do not pipeline POSTs).
    const qsizetype headerEnd = it->buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QList<QByteArray> lines = it->buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QHash<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            headers.insert(lines[i].left(colon).trimmed().toLower(),
                           lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = headers.value("content-length", "0").toLongLong();
    if (it->buffer.size() < headerEnd + 4 + length)
        return;
    const QByteArray body = it->buffer.mid(headerEnd + 4, length);
    it->buffer.remove(0, headerEnd + 4 + length);
    handle(socket, requestLine.value(0), requestLine.value(1), headers, body);
}

void FakeOpenAiServer::handle(QTcpSocket *socket, const QByteArray &method,
                              const QByteArray &target,
                              const QHash<QByteArray, QByteArray> &headers, const QByteArray &body)
{
    const QUrl url(QString::fromLatin1(target));
    m_lastPath = url.path();
    m_lastBody = body;
    static const QRegularExpression azurePath(
        QStringLiteral("^/openai/deployments/([^/]+)/embeddings$"));
    const bool openAi = url.path() == u"/v1/embeddings";
    const bool azure = azurePath.match(url.path()).hasMatch();
    if (method != "POST" || (!openAi && !azure)) {
        respond(
            socket, 404,
            errorBody(QStringLiteral("no route for ") + url.path(), QStringLiteral("not_found")));
        return;
    }
    ++m_requests;
    m_requestTimesMs.append(QDateTime::currentMSecsSinceEpoch() - m_startedMs);
    if (azure && !QUrlQuery(url).hasQueryItem(QStringLiteral("api-version"))) {
        respond(socket, 404,
                errorBody(QStringLiteral("api-version query parameter is required"),
                          QStringLiteral("invalid_request_error")));
        return;
    }
    if (!m_apiKey.isEmpty()) {
        const QByteArray expected = m_apiKey.toUtf8();
        const bool ok = azure ? headers.value("api-key") == expected
                              : headers.value("authorization") == "Bearer " + expected;
        if (!ok) {
            respond(socket, 401,
                    errorBody(QStringLiteral("Incorrect API key provided"),
                              QStringLiteral("invalid_request_error")));
            return;
        }
    }
    Failure failure { 0, {} };
    bool failing = false;
    if (!m_failures.isEmpty()) {
        failure = m_failures.takeFirst();
        failing = true;
    } else if (m_alwaysFail != 0) {
        failure.status = m_alwaysFail;
        failing = true;
    }
    if (failing) {
        if (failure.status == 0)
            return; // hang: the client's timeout has to deal with it
        const QByteArray extra = failure.retryAfter.isEmpty()
            ? QByteArray()
            : "Retry-After: " + failure.retryAfter + "\r\n";
        respondLater(socket, failure.status,
                     errorBody(QStringLiteral("simulated failure"),
                               failure.status == 429 ? QStringLiteral("rate_limit_exceeded")
                                                     : QStringLiteral("server_error")),
                     extra);
        return;
    }

    QJsonParseError parseError;
    const QJsonObject request = QJsonDocument::fromJson(body, &parseError).object();
    QStringList inputs;
    const QJsonValue input = request.value(QStringLiteral("input"));
    if (input.isString())
        inputs.append(input.toString());
    else
        for (const QJsonValue &v : input.toArray())
            inputs.append(v.toString());
    if (parseError.error != QJsonParseError::NoError || inputs.isEmpty()) {
        respond(socket, 400,
                errorBody(QStringLiteral("'input' is required"),
                          QStringLiteral("invalid_request_error")));
        return;
    }
    if (inputs.size() > m_maxInputs) {
        respond(socket, 400,
                errorBody(
                    QStringLiteral("too many inputs: %1 > %2").arg(inputs.size()).arg(m_maxInputs),
                    QStringLiteral("invalid_request_error")));
        return;
    }
    QJsonArray data;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const std::vector<float> v = vectorFor(inputs[i]);
        QJsonArray values;
        for (float f : v)
            values.append(double(f));
        data.append(QJsonObject { { QStringLiteral("object"), QStringLiteral("embedding") },
                                  { QStringLiteral("index"), int(i) },
                                  { QStringLiteral("embedding"), values } });
    }
    m_inputs += int(inputs.size());
    m_batchSizes.append(int(inputs.size()));
    const QJsonObject usage { { QStringLiteral("prompt_tokens"), int(inputs.size()) },
                              { QStringLiteral("total_tokens"), int(inputs.size()) } };
    const QJsonObject response {
        { QStringLiteral("object"), QStringLiteral("list") },
        { QStringLiteral("data"), data },
        { QStringLiteral("model"),
          request.value(QStringLiteral("model")).toString(QStringLiteral("fake-embedding")) },
        { QStringLiteral("usage"), usage }
    };
    respondLater(socket, 200, QJsonDocument(response).toJson(QJsonDocument::Compact));
}

void FakeOpenAiServer::respondLater(QTcpSocket *socket, int status, const QByteArray &body,
                                    const QByteArray &extraHeaders)
{
    ++m_concurrent;
    m_maxConcurrent = std::max(m_maxConcurrent, m_concurrent);
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(m_latencyMs, this, [this, guard, status, body, extraHeaders] {
        --m_concurrent;
        if (guard)
            respond(guard, status, body, extraHeaders);
    });
}

void FakeOpenAiServer::respond(QTcpSocket *socket, int status, const QByteArray &body,
                               const QByteArray &extraHeaders)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n";
    out += "Connection: keep-alive\r\n" + extraHeaders + "\r\n";
    out += body;
    socket->write(out);
}

} // namespace m1
