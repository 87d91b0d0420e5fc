#include "embedding/embeddingrequestjob.h"

#include "core/counter.h"
#include "embedding/embeddinglog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

namespace m1 {

EmbeddingRequestJob::EmbeddingRequestJob(std::shared_ptr<OpenAiEmbeddingProvider::Shared> shared,
                                         QNetworkAccessManager *network, QStringList texts,
                                         std::function<void(EmbeddingBatchResult)> done)
    : m_shared(std::move(shared))
    , m_network(network)
    , m_texts(std::move(texts))
    , m_done(std::move(done))
{
    const OpenAiEmbeddingOptions &o = m_shared->options;
    const int maxInputs = std::max(1, o.maxInputsPerRequest);
    const int maxTokens = std::max(1, o.maxTokensPerRequest);
    // Over-long inputs are cut to the per-input limit instead of failing the whole batch.
    const int maxChars = std::max(1, o.maxTokensPerInput) * 3;
    Chunk current;
    int tokens = 0;
    for (int i = 0; i < m_texts.size(); ++i) {
        if (m_texts[i].size() > maxChars)
            m_texts[i].truncate(maxChars);
        const int cost = OpenAiEmbeddingOptions::estimateTokens(m_texts[i]);
        if (current.count > 0 && (current.count >= maxInputs || tokens + cost > maxTokens)) {
            m_chunks.append(current);
            current = Chunk { i, 0, 0, {} };
            tokens = 0;
        }
        ++current.count;
        tokens += cost;
    }
    if (current.count > 0)
        m_chunks.append(current);
    m_result.vectors.resize(size_t(m_texts.size()));
}

void EmbeddingRequestJob::start()
{
    if (m_chunks.isEmpty()) {
        finish();
        return;
    }
    pump();
}

void EmbeddingRequestJob::pump()
{
    const int limit = std::max(1, m_shared->options.maxConcurrency);
    while (!m_finished && m_inFlight < limit && m_nextChunk < m_chunks.size()) {
        ++m_inFlight;
        send(m_nextChunk++);
    }
}

void EmbeddingRequestJob::send(int chunkIndex)
{
    if (m_finished)
        return;
    if (!m_shared->breaker.allowRequest()) {
        fail(QStringLiteral(
                 "embedding service %1 is failing; circuit breaker open for another %2 ms")
                 .arg(m_shared->options.endpoint().toString(QUrl::RemoveQuery))
                 .arg(m_shared->breaker.remainingOpenMs()));
        return;
    }
    Chunk &chunk = m_chunks[chunkIndex];
    ++chunk.attempts;
    const OpenAiEmbeddingOptions &o = m_shared->options;
    QJsonObject body;
    if (o.flavor == OpenAiEmbeddingOptions::Flavor::OpenAi)
        body.insert(QStringLiteral("model"), o.model);
    body.insert(QStringLiteral("input"),
                QJsonArray::fromStringList(m_texts.mid(chunk.first, chunk.count)));
    body.insert(QStringLiteral("encoding_format"), QStringLiteral("float"));
    if (o.sendDimensions)
        body.insert(QStringLiteral("dimensions"), o.dimension);

    QNetworkRequest request(o.endpoint());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(o.timeoutMs);
    if (!o.apiKey.isEmpty()) {
        if (o.flavor == OpenAiEmbeddingOptions::Flavor::Azure)
            request.setRawHeader(QByteArrayLiteral("api-key"), o.apiKey.toUtf8());
        else
            request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + o.apiKey.toUtf8());
    }
    ++m_result.requests;
    m_shared->requests.fetch_add(1);
    if (m_shared->requestCounter)
        m_shared->requestCounter->add();
    QNetworkReply *reply
        = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    chunk.reply = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, chunkIndex, reply] { onFinished(chunkIndex, reply); });
}

void EmbeddingRequestJob::onFinished(int chunkIndex, QNetworkReply *reply)
{
    reply->deleteLater();
    Chunk &chunk = m_chunks[chunkIndex];
    chunk.reply.clear();
    if (m_finished || !m_result.error.isEmpty())
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    QString problem;
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
        problem = parse(chunk, body);
        if (problem.isEmpty()) {
            m_shared->breaker.recordSuccess();
            --m_inFlight;
            ++m_completed;
            if (m_completed == m_chunks.size())
                finish();
            else
                pump();
            return;
        }
        m_shared->breaker.recordFailure();
        fail(problem); // a malformed answer will not get better by asking again
        return;
    }
    m_shared->breaker.recordFailure();
    const QString what = status > 0 ? QStringLiteral("HTTP %1: %2")
                                          .arg(status)
                                          .arg(QString::fromUtf8(body.left(300)).simplified())
                                    : reply->errorString();
    if (!m_shared->retry.shouldRetry(chunk.attempts, status)) {
        fail(QStringLiteral("embedding request to %1 failed after %2 attempt(s): %3")
                 .arg(m_shared->options.endpoint().toString(QUrl::RemoveQuery))
                 .arg(chunk.attempts)
                 .arg(what));
        return;
    }
    const auto retryAfter = RetryPolicy::parseRetryAfter(
        reply->rawHeader(QByteArrayLiteral("Retry-After")), m_shared->clock.nowMs());
    const qint64 delay = m_shared->retry.delayMs(chunk.attempts, retryAfter);
    ++m_result.retries;
    qCDebug(lcEmbedding) << "embedding request failed:" << what << "- retrying in" << delay << "ms";
    QTimer::singleShot(std::chrono::milliseconds(delay), this,
                       [this, chunkIndex] { send(chunkIndex); });
}

QString EmbeddingRequestJob::parse(const Chunk &chunk, const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("embedding response is not a JSON object (%1 at byte %2)")
            .arg(error.errorString())
            .arg(error.offset);
    const QJsonArray data = doc.object().value(QStringLiteral("data")).toArray();
    if (data.size() != chunk.count)
        return QStringLiteral("embedding response has %1 items in /data, expected %2")
            .arg(data.size())
            .arg(chunk.count);
    const int dimension = m_shared->options.dimension;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonObject item = data.at(i).toObject();
        const int index = item.value(QStringLiteral("index")).toInt(int(i));
        const QJsonArray values = item.value(QStringLiteral("embedding")).toArray();
        if (index < 0 || index >= chunk.count)
            return QStringLiteral("embedding response /data/%1/index is %2, outside 0..%3")
                .arg(i)
                .arg(index)
                .arg(chunk.count - 1);
        if (values.size() != dimension)
            return QStringLiteral(
                       "embedding response /data/%1/embedding has %2 numbers, expected %3 "
                       "(check the configured dimension and model)")
                .arg(i)
                .arg(values.size())
                .arg(dimension);
        std::vector<float> &out = m_result.vectors[size_t(chunk.first + index)];
        out.resize(size_t(dimension));
        for (int d = 0; d < dimension; ++d)
            out[size_t(d)] = float(values.at(d).toDouble());
    }
    return {};
}

void EmbeddingRequestJob::fail(const QString &error)
{
    if (m_finished)
        return;
    m_result.error = error;
    m_result.vectors.clear();
    // Aborting emits finished() at once; onFinished() ignores it because error is set.
    for (Chunk &chunk : m_chunks) {
        if (QNetworkReply *reply = chunk.reply.data(); reply != nullptr)
            reply->abort();
    }
    finish();
}

void EmbeddingRequestJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    auto done = std::move(m_done);
    EmbeddingBatchResult result = std::move(m_result);
    deleteLater();
    if (done)
        done(std::move(result));
}

} // namespace m1
