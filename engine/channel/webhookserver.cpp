#include "channel/webhookserver.h"

#include "core/logcategories.h"
#include "core/metricsregistry.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace m1 {

struct WebhookServer::Counters
{
    explicit Counters(MetricsRegistry &r)
        : accepted(
            r.counter(u"channel.webhook.accepted"_s, u"Webhook POSTs stored and answered 200"_s))
        , unauthorized(r.counter(u"channel.webhook.unauthorized"_s,
                                 u"Webhook POSTs refused: missing or wrong X-Hub-Signature-256"_s))
        , badRequest(r.counter(u"channel.webhook.bad_request"_s,
                               u"Webhook requests refused as malformed (400)"_s))
        , tooLarge(r.counter(u"channel.webhook.too_large"_s,
                             u"Webhook requests refused as too large (413)"_s))
        , unavailable(r.counter(u"channel.webhook.unavailable"_s,
                                u"Webhook POSTs answered 503: the queue failed or was too slow"_s))
        , verified(r.counter(u"channel.webhook.verified"_s,
                             u"Webhook verification handshakes accepted"_s))
        , forbidden(r.counter(u"channel.webhook.forbidden"_s,
                              u"Requests refused with 403 (handshake token, ops endpoints)"_s))
        , otherErrors(r.counter(u"channel.webhook.other_errors"_s,
                                u"Other refused requests (404, 405, 408, 431, ...)"_s))
        , messages(r.counter(u"channel.webhook.messages"_s, u"User messages received and stored"_s))
        , statuses(
              r.counter(u"channel.webhook.statuses"_s, u"Delivery statuses received and stored"_s))
        , problems(r.counter(u"channel.webhook.problems"_s,
                             u"Unexpected fields tolerated in webhook bodies"_s))
        , latency(r.histogram(u"channel.webhook.latency"_s,
                              u"Webhook POST handling time until the answer"_s))
    {
    }
    Counter &accepted, &unauthorized, &badRequest, &tooLarge, &unavailable, &verified, &forbidden,
        &otherErrors, &messages, &statuses, &problems;
    LatencyHistogram &latency;
};

namespace {

WebhookParser::Limits parserLimits(const WebhookServerOptions &o)
{
    WebhookParser::Limits limits;
    limits.maxBytes = o.maxBodyBytes;
    limits.maxDepth = o.maxJsonDepth;
    return limits;
}

HttpServerOptions httpOptions(const WebhookServerOptions &o)
{
    HttpServerOptions http = o.http;
    http.limits.maxBodyBytes = o.maxBodyBytes;
    return http;
}

bool isLoopback(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped); // also unwraps ::ffff:127.0.0.1
    if (mapped)
        return (v4 >> 24) == 127;
    return address.isLoopback();
}

QByteArray jsonBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

WebhookServer::WebhookServer(WebhookServerOptions options, InboundSink &sink, const Clock &clock,
                             MetricsRegistry *metrics, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_sink(sink)
    , m_clock(clock)
    , m_signature(m_options.appSecret)
    , m_parser(parserLimits(m_options))
    , m_http(httpOptions(m_options))
{
    if (!metrics) {
        m_ownMetrics = std::make_unique<MetricsRegistry>(clock);
        metrics = m_ownMetrics.get();
    }
    m_counters = std::make_unique<Counters>(*metrics);
    m_http.setHandler([this](const HttpRequest &request, HttpResponder responder) {
        handle(request, std::move(responder));
    });
    m_http.setErrorObserver([this](int status) { onHttpError(status); });
}

WebhookServer::~WebhookServer() = default;

bool WebhookServer::listen(QString *error)
{
    if (m_options.appSecret.isEmpty())
        qCWarning(lcChannel)
            << "webhook: no app secret configured; every POST will be refused with 401";
    if (!m_http.listen(m_options.address, m_options.port, error))
        return false;
    qCInfo(lcChannel).noquote() << "webhook listening on"
                                << m_http.serverAddress().toString() + u':'
            + QString::number(m_http.serverPort()) + m_options.path;
    return true;
}

void WebhookServer::close()
{
    m_http.close();
}

quint16 WebhookServer::port() const
{
    return m_http.serverPort();
}

QHostAddress WebhookServer::address() const
{
    return m_http.serverAddress();
}

WebhookServer::Stats WebhookServer::stats() const
{
    const Counters &c = *m_counters;
    return Stats { c.accepted.value(),  c.unauthorized.value(), c.badRequest.value(),
                   c.tooLarge.value(),  c.unavailable.value(),  c.verified.value(),
                   c.forbidden.value(), c.messages.value(),     c.statuses.value(),
                   c.problems.value() };
}

void WebhookServer::onHttpError(int status)
{
    if (status == 413)
        m_counters->tooLarge.add();
    else if (status == 400)
        m_counters->badRequest.add();
    else
        m_counters->otherErrors.add();
}

void WebhookServer::handle(const HttpRequest &request, HttpResponder responder)
{
    const bool get = request.method == "GET" || request.method == "HEAD";
    if (request.path == m_options.path) {
        if (get)
            return handleVerification(request, responder);
        if (request.method == "POST")
            return handleDelivery(request, responder);
        m_counters->otherErrors.add();
        HttpResponse r
            = HttpResponse::text(405, "use GET for the handshake or POST for deliveries\n"_ba);
        r.headers.append({ "Allow"_ba, "GET, HEAD, POST"_ba });
        responder.respond(r);
        return;
    }
    if (request.path == "/health"_L1 && get)
        return handleHealth(request, responder);
    if (request.path == "/metrics"_L1 && get)
        return handleMetrics(request, responder);
    m_counters->otherErrors.add();
    responder.respond(HttpResponse::text(404, "not found\n"_ba));
}

void WebhookServer::handleVerification(const HttpRequest &request, const HttpResponder &responder)
{
    const QString mode = request.query.queryItemValue(u"hub.mode"_s, QUrl::FullyDecoded);
    const QString token = request.query.queryItemValue(u"hub.verify_token"_s, QUrl::FullyDecoded);
    const QString challenge = request.query.queryItemValue(u"hub.challenge"_s, QUrl::FullyDecoded);
    const bool tokenOk = !m_options.verifyToken.isEmpty()
        && WebhookSignature::constantTimeEquals(token.toUtf8(), m_options.verifyToken.toUtf8());
    if (mode != "subscribe"_L1 || !tokenOk) {
        m_counters->forbidden.add();
        qCWarning(lcChannel) << "webhook handshake refused:"
                             << (mode != "subscribe"_L1 ? "hub.mode is not \"subscribe\""
                                                        : "wrong hub.verify_token");
        responder.respond(HttpResponse::text(403, "verification failed\n"_ba));
        return;
    }
    m_counters->verified.add();
    qCInfo(lcChannel) << "webhook handshake accepted";
    HttpResponse r = HttpResponse::text(200, challenge.toUtf8());
    r.headers.append({ "X-Content-Type-Options"_ba, "nosniff"_ba });
    responder.respond(r);
}

void WebhookServer::handleDelivery(const HttpRequest &request, const HttpResponder &responder)
{
    const qint64 startedNs = m_clock.monotonicNs();
    // Nothing about an unsigned body is trusted, so nothing is parsed before this check.
    if (!m_signature.verify(request.body, request.header("x-hub-signature-256"))) {
        m_counters->unauthorized.add();
        qCWarning(lcChannel).noquote()
            << "webhook POST from" << request.remoteAddress.toString() << "refused:"
            << (request.hasHeader("x-hub-signature-256")
                    ? "X-Hub-Signature-256 does not match the body"
                    : "no X-Hub-Signature-256 header");
        responder.respond(HttpResponse::text(401, "invalid signature\n"_ba));
        return;
    }
    WebhookBatch batch = m_parser.parse(request.body);
    if (batch.isFatal()) {
        m_counters->badRequest.add();
        qCWarning(lcChannel).noquote() << "webhook POST refused:" << batch.fatalError;
        responder.respond(HttpResponse::text(400, batch.fatalError.toUtf8() + '\n'));
        return;
    }
    m_counters->problems.add(quint64(batch.problems.size()));
    for (const WebhookProblem &p : std::as_const(batch.problems))
        qCInfo(lcChannel).noquote() << "webhook body:" << p.toString();
    if (batch.isEmpty()) {
        finishDelivery(responder, startedNs, true, {}, 0, 0);
        return;
    }

    const qsizetype messageCount = batch.messages.size();
    const qsizetype statusCount = batch.statuses.size();
    QFuture<EnqueueResult> future = m_sink.enqueue(batch.messages, batch.statuses);
    auto *watcher = new QFutureWatcher<EnqueueResult>(this);
    auto *timer = new QTimer(watcher);
    timer->setSingleShot(true);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, timer, responder, startedNs, messageCount, statusCount] {
                timer->stop();
                const QFuture<EnqueueResult> f = watcher->future();
                EnqueueResult result = f.isCanceled() || f.resultCount() == 0
                    ? EnqueueResult::failure(u"the queue gave no result"_s)
                    : f.result();
                finishDelivery(responder, startedNs, result.ok, result.error, messageCount,
                               statusCount);
                watcher->deleteLater();
            });
    connect(timer, &QTimer::timeout, this, [this, watcher, responder, startedNs] {
        watcher->disconnect(this);
        finishDelivery(responder, startedNs, false,
                       u"the queue did not confirm within "_s
                           + QString::number(m_options.sinkTimeoutMs) + u" ms"_s,
                       0, 0);
        watcher->deleteLater();
    });
    timer->start(m_options.sinkTimeoutMs);
    watcher->setFuture(future);
}

void WebhookServer::finishDelivery(const HttpResponder &responder, qint64 startedNs, bool stored,
                                   const QString &why, qsizetype messages, qsizetype statuses)
{
    m_counters->latency.record(m_clock.monotonicNs() - startedNs);
    if (!stored) {
        m_counters->unavailable.add();
        qCWarning(lcChannel).noquote() << "webhook POST answered 503 so Meta retries:" << why;
        responder.respond(HttpResponse::text(503, "not stored, retry later\n"_ba));
        return;
    }
    m_counters->accepted.add();
    m_counters->messages.add(quint64(messages));
    m_counters->statuses.add(quint64(statuses));
    if (!responder.respond(HttpResponse::text(200, "ok\n"_ba)))
        qCDebug(lcChannel) << "webhook: client left before the answer; the batch is stored anyway";
    if (messages > 0 || statuses > 0)
        Q_EMIT batchStored(messages, statuses);
}

bool WebhookServer::allowOps(const HttpRequest &request, const HttpResponder &responder)
{
    // A request relayed by a reverse proxy on this machine arrives from loopback too: one that
    // says it was forwarded came from elsewhere, and a proxy that passes every path on would
    // otherwise publish /metrics and /health to the internet.
    const bool forwarded = request.hasHeader("forwarded") || request.hasHeader("x-forwarded-for")
        || request.hasHeader("x-real-ip");
    if (!m_options.opsEndpointsLoopbackOnly || (isLoopback(request.remoteAddress) && !forwarded))
        return true;
    m_counters->forbidden.add();
    responder.respond(HttpResponse::text(403, "only available from the loopback interface\n"_ba));
    return false;
}

void WebhookServer::handleHealth(const HttpRequest &request, const HttpResponder &responder)
{
    if (!allowOps(request, responder))
        return;
    QString detail;
    const bool queueOk = !m_queueProbe || m_queueProbe(&detail);
    QJsonObject body { { "status"_L1, queueOk ? u"ok"_s : u"degraded"_s },
                       { "queue"_L1, queueOk ? u"ok"_s : u"down"_s },
                       { "listening"_L1, m_http.isListening() },
                       { "connections"_L1, m_http.connectionCount() } };
    if (!detail.isEmpty())
        body.insert("detail"_L1, detail);
    if (m_healthDetails) {
        const QJsonObject extra = m_healthDetails();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
    }
    responder.respond(HttpResponse::json(queueOk ? 200 : 503, jsonBytes(body)));
}

void WebhookServer::handleMetrics(const HttpRequest &request, const HttpResponder &responder)
{
    if (!allowOps(request, responder))
        return;
    if (!m_metricsProvider) {
        responder.respond(HttpResponse::text(404, "no metrics provider configured\n"_ba));
        return;
    }
    HttpResponse r;
    r.status = 200;
    r.contentType = "text/plain; version=0.0.4; charset=utf-8"_ba;
    r.body = m_metricsProvider().toUtf8();
    responder.respond(r);
}

} // namespace m1
