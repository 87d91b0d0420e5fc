#include "agent/httptoolexecutor.h"

#include "agent/requestbuilder.h"
#include "core/logcategories.h"
#include "core/metricsregistry.h"
#include "net/networkclients.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace m1 {

struct HttpToolExecutor::Call
{
    QString toolId;
    HttpRequestSpec spec;
    QString host;
    bool retryable = false;
    int attempts = 0;
    qint64 startNs = 0;
    QPromise<ToolResult> promise;
};

namespace {

QJsonValue parseBody(const QByteArray &data)
{
    if (data.trimmed().isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error == QJsonParseError::NoError) {
        if (doc.isObject())
            return doc.object();
        if (doc.isArray())
            return doc.array();
    }
    // A bare JSON scalar ("42", "\"ok\"") parses inside an array.
    const QJsonDocument wrapped = QJsonDocument::fromJson("[" + data + "]", &error);
    if (error.error == QJsonParseError::NoError && wrapped.array().size() == 1)
        return wrapped.array().first();
    return QString::fromUtf8(data.left(4096));
}

QString serverMessage(const QJsonValue &body)
{
    const QJsonObject o = body.toObject();
    for (const auto &key : {u"message"_s, u"detail"_s, u"title"_s, u"error"_s}) {
        if (o.value(key).isString())
            return o.value(key).toString();
    }
    if (body.isString())
        return body.toString().left(200);
    if (!o.isEmpty())
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)).left(300);
    return {};
}

} // namespace

HttpToolExecutor::HttpToolExecutor(NetworkClients &clients, const Clock &clock, AuthConfig auth,
                                   HttpExecutorOptions options, MetricsRegistry *metrics,
                                   std::function<double()> uniform, QObject *parent)
    : QObject(parent)
    , m_clients(clients)
    , m_clock(clock)
    , m_auth(std::move(auth))
    , m_options(std::move(options))
    , m_retry(m_options.retry, std::move(uniform))
{
    if (metrics) {
        m_calls = &metrics->counter(u"agent.tool.requests"_s, u"HTTP requests made for tool calls, retries included"_s);
        m_failures = &metrics->counter(u"agent.tool.failed"_s, u"Tool calls that finally failed"_s);
        m_retries = &metrics->counter(u"agent.tool.retries"_s, u"Tool requests retried after a transient failure"_s);
        m_refused = &metrics->counter(u"agent.tool.breaker_refused"_s, u"Tool calls refused by an open circuit breaker"_s);
        m_opened = &metrics->counter(u"agent.tool.breaker_opened"_s, u"Times a backend's circuit breaker opened"_s);
        m_latency = &metrics->histogram(u"agent.tool.latency"_s, u"Time from execute() to the tool's final result"_s);
    }
}

HttpToolExecutor::~HttpToolExecutor()
{
    const QSet<QNetworkReply *> pending = m_inFlight;
    m_inFlight.clear();
    for (QNetworkReply *reply : pending) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

bool HttpToolExecutor::isIdempotent(const QString &method)
{
    const QString m = method.toUpper();
    return m == u"GET"_s || m == u"HEAD"_s || m == u"PUT"_s || m == u"DELETE"_s || m == u"OPTIONS"_s
        || m == u"TRACE"_s;
}

QString HttpToolExecutor::hostKey(const QUrl &url)
{
    return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
}

CircuitBreaker &HttpToolExecutor::breakerFor(const QString &host)
{
    QMutexLocker lock(&m_breakersMutex);
    auto it = m_breakers.find(host);
    if (it == m_breakers.end())
        it = m_breakers.insert(host, std::make_shared<CircuitBreaker>(m_clock, m_options.breaker));
    return **it;
}

CircuitBreaker::State HttpToolExecutor::breakerState(const QString &host) const
{
    QMutexLocker lock(&m_breakersMutex);
    const auto it = m_breakers.constFind(host);
    return it == m_breakers.constEnd() ? CircuitBreaker::State::Closed : (*it)->state();
}

HttpRequestSpec HttpToolExecutor::prepare(const ToolDefinition &tool, const ToolCall &call) const
{
    return RequestBuilder::build(tool, call, m_options.baseUrlOverride, m_auth.forTenant(call.tenant));
}

QFuture<ToolResult> HttpToolExecutor::execute(const ToolDefinition &tool, const ToolCall &call)
{
    auto c = std::make_shared<Call>();
    c->promise.start();
    QFuture<ToolResult> future = c->promise.future();
    c->toolId = tool.id;
    c->startNs = m_clock.monotonicNs();

    ToolCall effective = call;
    const bool takesKey = tool.parameter(u"Idempotency-Key"_s) != nullptr;
    if (m_options.retryWithIdempotencyKey && takesKey && effective.idempotencyKey.isEmpty()
        && !call.arguments.contains(u"Idempotency-Key"_s) && !isIdempotent(tool.method))
        effective.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c->spec = prepare(tool, effective);
    if (!c->spec.isValid()) {
        finish(c, ToolResult::failure(c->spec.error));
        return future;
    }
    c->host = hostKey(c->spec.url);
    c->retryable = isIdempotent(tool.method)
        || (m_options.retryWithIdempotencyKey && !c->spec.header("Idempotency-Key").isEmpty());
    QMetaObject::invokeMethod(this, [this, c] { attempt(c); }, Qt::QueuedConnection);
    return future;
}

void HttpToolExecutor::attempt(const std::shared_ptr<Call> &c)
{
    CircuitBreaker &breaker = breakerFor(c->host);
    if (!breaker.allowRequest()) {
        if (m_refused)
            m_refused->add();
        ToolResult r = ToolResult::failure(u"not calling "_s + c->host + u" for "_s + c->toolId
                                           + u": it failed repeatedly, the circuit breaker is open for another "_s
                                           + QString::number((breaker.remainingOpenMs() + 999) / 1000) + u" s"_s);
        r.attempts = c->attempts;
        r.unavailable = true;
        finish(c, r);
        return;
    }
    ++c->attempts;
    if (m_calls)
        m_calls->add();
    QNetworkRequest request(c->spec.url);
    for (const auto &[name, value] : std::as_const(c->spec.headers))
        request.setRawHeader(name, value);
    request.setRawHeader("User-Agent", m_options.userAgent);
    QNetworkAccessManager *nam = m_clients.forCurrentThread();
    QNetworkReply *reply = c->spec.method == "HEAD"
        ? nam->head(request)
        : nam->sendCustomRequest(request, c->spec.method, c->spec.body);
    m_inFlight.insert(reply);
    connect(reply, &QNetworkReply::finished, this, [this, c, reply] { onFinished(c, reply); });
    // A hard deadline for the whole attempt (transfer timeouts only notice silence).
    QTimer::singleShot(m_options.timeoutMs, reply, [reply] {
        if (reply->isRunning()) {
            reply->setProperty("m1TimedOut", true);
            reply->abort();
        }
    });
}

void HttpToolExecutor::onFinished(const std::shared_ptr<Call> &c, QNetworkReply *reply)
{
    m_inFlight.remove(reply);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    const bool timedOut = reply->property("m1TimedOut").toBool();

    CircuitBreaker &breaker = breakerFor(c->host);
    const bool transient = RetryPolicy::isRetryableStatus(status);
    if (status == 0 || status >= 500 || status == 429) {
        const bool wasOpen = breaker.state() == CircuitBreaker::State::Open;
        breaker.recordFailure();
        if (!wasOpen && breaker.state() == CircuitBreaker::State::Open) {
            if (m_opened)
                m_opened->add();
            qCWarning(lcAgent).noquote() << "tool calls: the backend" << c->host << "failed"
                                         << breaker.consecutiveFailures() << "times in a row; not calling it for"
                                         << (breaker.remainingOpenMs() + 999) / 1000 << "s (circuit breaker open)";
        }
    } else {
        breaker.recordSuccess();
    }

    if (transient && c->retryable && m_retry.shouldRetry(c->attempts, status)) {
        const auto retryAfter = RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"), m_clock.nowMs());
        const qint64 delay = m_retry.delayMs(c->attempts, retryAfter);
        if (m_retries)
            m_retries->add();
        QTimer::singleShot(delay, this, [this, c] { attempt(c); });
        return;
    }

    ToolResult r;
    r.httpStatus = status;
    r.attempts = c->attempts;
    r.body = parseBody(data);
    r.ok = status >= 200 && status < 300;
    if (!r.ok) {
        if (status == 0 && timedOut)
            r.error = c->toolId + u": no answer from "_s + c->host + u" within "_s
                + QString::number(m_options.timeoutMs) + u" ms"_s;
        else if (status == 0)
            r.error = c->toolId + u": cannot reach "_s + c->host + u": "_s + reply->errorString();
        else
            r.error = c->toolId + u": HTTP "_s + QString::number(status) + u' '
                + reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()
                + (serverMessage(r.body).isEmpty() ? QString() : u": "_s + serverMessage(r.body));
        if (c->attempts > 1)
            r.error += u" (after "_s + QString::number(c->attempts) + u" attempts)"_s;
    }
    finish(c, r);
}

void HttpToolExecutor::finish(const std::shared_ptr<Call> &c, ToolResult result)
{
    const qint64 elapsedNs = m_clock.monotonicNs() - c->startNs;
    result.durationMs = elapsedNs / 1'000'000;
    if (m_latency)
        m_latency->record(elapsedNs);
    if (!result.ok && m_failures)
        m_failures->add();
    c->promise.addResult(result);
    c->promise.finish();
}

} // namespace m1
