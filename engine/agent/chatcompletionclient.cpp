#include "agent/chatcompletionclient.h"

#include "core/clock.h"
#include "core/metricsregistry.h"
#include "net/networkclients.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <climits>
#include <memory>

using namespace Qt::StringLiterals;

namespace m1 {

ChatCompletionClient::ChatCompletionClient(const LlmPlannerOptions &options, const Clock &clock,
                                           NetworkClients &network, std::function<double()> uniform,
                                           MetricsRegistry *metrics)
    : m_options(options),
      m_clock(clock),
      m_network(network),
      m_breaker(clock, options.breaker),
      m_retry(options.retry, std::move(uniform))
{
    if (metrics)
        m_requestCounter = &metrics->counter(u"agent.llm.requests"_s,
                                             u"Chat completion requests the LLM planner sent, retries included"_s);
}

std::optional<qint64> ChatCompletionClient::retryAfter(const QByteArray &retryAfterMs,
                                                       const QByteArray &retryAfterHeader) const
{
    // Azure OpenAI says it in milliseconds; everyone says it in seconds or as an HTTP date.
    bool ok = false;
    const double ms = retryAfterMs.trimmed().toDouble(&ok);
    if (ok && ms >= 0)
        return qint64(ms);
    return RetryPolicy::parseRetryAfter(retryAfterHeader, m_clock.nowMs());
}

void ChatCompletionClient::sleepFor(qint64 ms)
{
    if (ms <= 0)
        return;
    // A local loop rather than a sleep: objects of this thread (the network manager's
    // connections) keep being served while we wait.
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(ms), &loop, &QEventLoop::quit);
    loop.exec();
}

ChatCompletionClient::Attempt ChatCompletionClient::send(QNetworkAccessManager &network, const QByteArray &payload,
                                                         qint64 remainingMs) const
{
    QNetworkRequest request(m_options.chatCompletionsUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // A stalled request is cut at timeoutMs and retried, unless the budget ends first: then the
    // deadline below ends it, and there is no time left for a retry anyway.
    if (m_options.timeoutMs > 0 && m_options.timeoutMs < remainingMs)
        request.setTransferTimeout(m_options.timeoutMs);
    if (!m_options.apiKey.isEmpty()) {
        if (m_options.flavor == LlmPlannerOptions::Flavor::Azure)
            request.setRawHeader(QByteArrayLiteral("api-key"), m_options.apiKey.toUtf8());
        else
            request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_options.apiKey.toUtf8());
    }
    std::unique_ptr<QNetworkReply> reply(network.post(request, payload));
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(std::chrono::milliseconds(std::max<qint64>(1, remainingMs)));
    if (!reply->isFinished())
        loop.exec();

    Attempt attempt;
    if (!reply->isFinished()) {
        QObject::disconnect(reply.get(), nullptr, &loop, nullptr);
        reply->abort();
        attempt.outOfTime = true;
        attempt.error = u"no answer before the time budget ran out"_s;
        return attempt;
    }
    attempt.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    attempt.body = reply->readAll();
    if (attempt.status == 0)
        attempt.error = reply->errorString();
    attempt.retryAfterMs = retryAfter(reply->rawHeader(QByteArrayLiteral("retry-after-ms")),
                                      reply->rawHeader(QByteArrayLiteral("Retry-After")));
    return attempt;
}

ChatCompletionResult ChatCompletionClient::complete(const QJsonObject &body, const QDeadlineTimer &deadline)
{
    ChatCompletionResult result;
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkAccessManager *network = m_network.forCurrentThread();
    const QString where = m_options.chatCompletionsUrl().toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    for (;;) {
        const qint64 remaining = deadline.remainingTime();
        if (remaining == 0) {
            result.outOfTime = true;
            result.error = u"the time budget of %1 ms ran out"_s.arg(m_options.budgetMs);
            return result;
        }
        if (!m_breaker.allowRequest()) {
            result.refused = true;
            result.error = u"circuit breaker open for another %1 ms after repeated failures of %2"_s
                                   .arg(m_breaker.remainingOpenMs())
                                   .arg(where);
            return result;
        }
        ++result.attempts;
        m_requests.fetch_add(1);
        if (m_requestCounter)
            m_requestCounter->add();
        const Attempt attempt = send(*network, payload, remaining < 0 ? qint64(INT_MAX) : remaining);
        result.httpStatus = attempt.status;
        if (attempt.outOfTime) {
            m_breaker.recordFailure();
            result.outOfTime = true;
            result.error = u"no answer from %1 within the time budget of %2 ms"_s.arg(where).arg(m_options.budgetMs);
            return result;
        }
        if (attempt.status >= 200 && attempt.status < 300) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(attempt.body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                // A garbled answer does not get better by asking again.
                m_breaker.recordFailure();
                result.error = u"the answer of %1 is not a JSON object (%2 at byte %3)"_s.arg(
                        where, parseError.errorString(), QString::number(parseError.offset));
                return result;
            }
            m_breaker.recordSuccess();
            result.ok = true;
            result.body = doc.object();
            return result;
        }
        m_breaker.recordFailure();
        const QString what = attempt.status > 0
                ? u"HTTP %1: %2"_s.arg(attempt.status).arg(QString::fromUtf8(attempt.body.left(200)).simplified())
                : attempt.error;
        result.notes.append(u"attempt %1: %2"_s.arg(result.attempts).arg(what));
        if (!m_retry.shouldRetry(result.attempts, attempt.status)) {
            result.error = u"%1 failed after %2 attempt(s): %3"_s.arg(where).arg(result.attempts).arg(what);
            return result;
        }
        const qint64 delay = m_retry.delayMs(result.attempts, attempt.retryAfterMs);
        const qint64 left = deadline.remainingTime();
        if (left >= 0 && delay >= left) {
            result.outOfTime = true;
            result.error = u"%1 answered %2; waiting %3 ms to retry would pass the time budget"_s.arg(where, what)
                                   .arg(delay);
            return result;
        }
        sleepFor(delay);
    }
}

} // namespace m1
