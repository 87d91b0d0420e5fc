#include "channel/graphapisender.h"

#include "channel/graphapireply.h"
#include "core/logcategories.h"
#include "core/metricsregistry.h"
#include "net/networkclients.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace m1 {

struct GraphApiSender::Job
{
    OutboundMessage message;
    QByteArray body;
    QPromise<SendResult> promise;
    int attempts = 0;
    qint64 startedNs = 0;
    QNetworkReply *reply = nullptr;
    bool timedOut = false;
};

namespace {

QFuture<SendResult> finishedFuture(const SendResult &result)
{
    QPromise<SendResult> promise;
    promise.start();
    promise.addResult(result);
    promise.finish();
    return promise.future();
}

} // namespace

GraphApiSender::GraphApiSender(GraphApiSenderOptions options, NetworkClients &clients,
                               const Clock &clock, MetricsRegistry *metrics,
                               std::function<double()> uniform, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clients(clients)
    , m_clock(clock)
    , m_retryPolicy(m_options.retry, std::move(uniform))
    , m_bucket(clock, m_options.messagesPerSecond,
               m_options.burst > 0 ? m_options.burst : m_options.messagesPerSecond)
{
    if (!metrics) {
        m_ownMetrics = std::make_unique<MetricsRegistry>(clock);
        metrics = m_ownMetrics.get();
    }
    m_requests = &metrics->counter(u"channel.send.requests"_s,
                                   u"Graph API /messages requests, retries included"_s);
    m_sent = &metrics->counter(u"channel.send.ok"_s, u"Messages the Graph API accepted"_s);
    m_failed = &metrics->counter(u"channel.send.failed"_s, u"Messages that could not be sent"_s);
    m_retries = &metrics->counter(u"channel.send.retries"_s,
                                  u"Graph API requests retried after a transient failure"_s);
    m_throttled = &metrics->counter(u"channel.send.throttled"_s,
                                    u"Requests delayed by the per-number throughput limit"_s);
    m_latency = &metrics->histogram(u"channel.send.latency"_s,
                                    u"Time from send() to Meta's final answer"_s);
}

GraphApiSender::~GraphApiSender()
{
    for (const auto &job : m_jobs) {
        if (job->reply) {
            job->reply->disconnect(this);
            job->reply->abort();
            job->reply->deleteLater();
        }
        SendResult result = SendResult::failure(u"not sent: the sender was shut down"_s);
        result.attempts = job->attempts;
        job->promise.addResult(result);
        job->promise.finish();
    }
}

QFuture<SendResult> GraphApiSender::send(const OutboundMessage &message)
{
    const auto built = GraphApiRequestBuilder::build(message, m_options.oversize);
    if (!built.ok()) {
        m_failed->add();
        SendResult result = SendResult::failure(u"not sent, invalid message: "_s + built.error);
        Q_EMIT sendFinished(message, result);
        return finishedFuture(result);
    }
    for (const QString &note : built.adjustments)
        qCInfo(lcChannel).noquote()
            << "outgoing" << OutboundMessage::kindName(message.kind) << note;

    auto job = std::make_shared<Job>();
    job->message = message;
    job->body = built.json;
    job->startedNs = m_clock.monotonicNs();
    job->promise.start();
    QFuture<SendResult> future = job->promise.future();
    // Always hop through the event loop of the sender's thread: the network manager, timers and
    // the job set belong to it, whichever thread called send().
    QMetaObject::invokeMethod(
        this,
        [this, job] {
            m_jobs.insert(job);
            attempt(job);
        },
        Qt::QueuedConnection);
    return future;
}

void GraphApiSender::attempt(const std::shared_ptr<Job> &job)
{
    const qint64 waitMs = m_bucket.reserve();
    if (waitMs > 0) {
        m_throttled->add();
        QTimer::singleShot(waitMs, this, [this, job] { post(job); });
        return;
    }
    post(job);
}

void GraphApiSender::post(const std::shared_ptr<Job> &job)
{
    QNetworkRequest request(m_options.messagesUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Authorization"_ba, "Bearer "_ba + m_options.accessToken.toUtf8());
    QNetworkReply *reply = m_clients.forCurrentThread()->post(request, job->body);
    ++job->attempts;
    job->reply = reply;
    job->timedOut = false;
    m_requests->add();
    // The timer lives as long as the reply: a reply that finishes first takes it along.
    QTimer::singleShot(m_options.requestTimeoutMs, reply, [job, reply] {
        job->timedOut = true;
        reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, job, reply] { onReplyFinished(job, reply); });
}

void GraphApiSender::onReplyFinished(const std::shared_ptr<Job> &job, QNetworkReply *reply)
{
    reply->deleteLater();
    job->reply = nullptr;
    if (!m_jobs.count(job))
        return;

    SendResult result;
    std::optional<qint64> retryAfterMs;
    if (job->timedOut) {
        result.timedOut = true;
        result.errorMessage = u"no answer from the Graph API within "_s
            + QString::number(m_options.requestTimeoutMs) + u" ms"_s;
        result.retryable = m_options.retryTimeouts;
    } else {
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (result.httpStatus == 0) {
            result.errorMessage = u"could not reach the Graph API at "_s
                + m_options.messagesUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery) + u": "_s
                + reply->errorString();
            result.retryable = true;
        } else {
            const GraphApiReply parsed = GraphApiReply::parse(result.httpStatus, body);
            if (parsed.ok) {
                result.ok = true;
                result.wamid = parsed.wamid;
                finish(job, result);
                return;
            }
            result.errorCode = parsed.error.code;
            if (parsed.error.code != 0) {
                result.errorMessage = u"Graph API error "_s + parsed.error.toString();
            } else {
                result.errorMessage
                    = u"Graph API answered HTTP "_s + QString::number(result.httpStatus);
                if (!parsed.error.message.isEmpty())
                    result.errorMessage += u": "_s + parsed.error.message;
            }
            if (!parsed.fbtraceId.isEmpty())
                result.errorMessage += u" (fbtrace_id "_s + parsed.fbtraceId + u')';
            result.retryable = GraphApiReply::shouldRetry(result.httpStatus, result.errorCode);
            if (reply->hasRawHeader("Retry-After"_ba))
                retryAfterMs = RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"_ba),
                                                            m_clock.nowMs());
        }
    }

    if (result.retryable && job->attempts < m_retryPolicy.options().maxAttempts) {
        const qint64 delay = m_retryPolicy.delayMs(job->attempts, retryAfterMs);
        m_retries->add();
        qCDebug(lcChannel).noquote() << "retrying" << OutboundMessage::kindName(job->message.kind)
                                     << "in" << delay << "ms after:" << result.errorMessage;
        QTimer::singleShot(delay, this, [this, job] { attempt(job); });
        return;
    }
    finish(job, result);
}

void GraphApiSender::finish(const std::shared_ptr<Job> &job, SendResult result)
{
    result.attempts = job->attempts;
    m_jobs.erase(job);
    m_latency->record(m_clock.monotonicNs() - job->startedNs);
    if (result.ok) {
        m_sent->add();
    } else {
        m_failed->add();
        qCWarning(lcChannel).noquote()
            << "sending" << OutboundMessage::kindName(job->message.kind) << "failed after"
            << result.attempts << "attempt(s):" << result.errorMessage;
    }
    job->promise.addResult(result);
    job->promise.finish();
    Q_EMIT sendFinished(job->message, result);
}

GraphApiSender::Stats GraphApiSender::stats() const
{
    return Stats { m_requests->value(), m_sent->value(), m_failed->value(), m_retries->value(),
                   m_throttled->value() };
}

} // namespace m1
