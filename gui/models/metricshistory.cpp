#include "models/metricshistory.h"

#include <QLocale>

#include <array>
#include <cmath>

namespace m1 {
namespace {

using Field = double MetricsSample::*;

// Every averaged field, in CSV column order.
constexpr std::array<Field, 13> kFields = {
    &MetricsSample::searchP50Us,
    &MetricsSample::searchP99Us,
    &MetricsSample::e2eP50Ms,
    &MetricsSample::e2eP99Ms,
    &MetricsSample::turnP99Ms,
    &MetricsSample::messagesPerSecond,
    &MetricsSample::redisCommandsPerSecond,
    &MetricsSample::redisRoundTripsPerSecond,
    &MetricsSample::redisCommandsPerMessage,
    &MetricsSample::redisRoundTripsPerMessage,
    &MetricsSample::embeddingCallsPerHour,
    &MetricsSample::llmCallsPerHour,
    &MetricsSample::rssMiB,
};

constexpr std::array<const char *, 13> kColumns = {
    "search_p50_us",       "search_p99_us",         "e2e_p50_ms",
    "e2e_p99_ms",          "turn_p99_ms",           "messages_per_s",
    "redis_commands_per_s", "redis_round_trips_per_s", "redis_commands_per_msg",
    "redis_round_trips_per_msg", "embedding_calls_per_h", "llm_calls_per_h",
    "rss_mib",
};

quint64 counterValue(const MetricsSnapshot &snapshot, const QString &name)
{
    const CounterSample *c = snapshot.counter(name);
    return c ? c->value : 0;
}

quint64 histogramCount(const MetricsSnapshot &snapshot, const QString &name)
{
    const HistogramSample *h = snapshot.histogram(name);
    return h ? h->histogram.count : 0;
}

// Counters only grow; a smaller value means the engine (or the metric) started over.
double delta(quint64 now, quint64 before)
{
    return now >= before ? double(now - before) : double(now);
}

} // namespace

void MetricsHistory::clear()
{
    m_samples.clear();
    m_phases.clear();
    m_previous = {};
    m_hasPrevious = false;
}

void MetricsHistory::add(const MetricsSnapshot &snapshot)
{
    if (m_hasPrevious && snapshot.takenAtMs <= m_previous.takenAtMs)
        return; // out of order or repeated: rates would divide by zero
    m_samples.push_back(sampleFrom(snapshot));
    m_previous = snapshot;
    m_hasPrevious = true;
    while (!m_samples.empty() && m_samples.front().timeMs < snapshot.takenAtMs - kRetentionMs)
        m_samples.pop_front();

    m_phases.clear();
    static const QString prefix = QStringLiteral("startup.");
    static const QString suffix = QStringLiteral("_ms");
    for (const GaugeSample &g : snapshot.gauges) {
        if (g.name.startsWith(prefix) && g.name.endsWith(suffix))
            m_phases.append({g.name.mid(prefix.size(), g.name.size() - prefix.size() - suffix.size()), g.value});
    }
}

MetricsSample MetricsHistory::sampleFrom(const MetricsSnapshot &snapshot) const
{
    MetricsSample s;
    s.timeMs = snapshot.takenAtMs;
    if (const HistogramSample *h = snapshot.histogram(searchLatency()); h && h->histogram.count > 0) {
        s.searchP50Us = h->histogram.p50Ns / 1e3;
        s.searchP99Us = h->histogram.p99Ns / 1e3;
    }
    if (const HistogramSample *h = snapshot.histogram(e2eLatency()); h && h->histogram.count > 0) {
        s.e2eP50Ms = h->histogram.p50Ns / 1e6;
        s.e2eP99Ms = h->histogram.p99Ns / 1e6;
    }
    if (const HistogramSample *h = snapshot.histogram(turnLatency()); h && h->histogram.count > 0)
        s.turnP99Ms = h->histogram.p99Ns / 1e6;
    if (const GaugeSample *g = snapshot.gauge(rss()); g && g->value > 0)
        s.rssMiB = g->value / (1024.0 * 1024.0);
    if (!m_hasPrevious)
        return s;

    const double seconds = double(snapshot.takenAtMs - m_previous.takenAtMs) / 1000.0;
    const auto change = [&](const QString &name) {
        return delta(counterValue(snapshot, name), counterValue(m_previous, name));
    };
    const double handled = change(messages());
    const double commands = change(storeCommands());
    const double trips = change(storeRoundTrips());
    // A remote provider's HTTP requests (index builds and queries, retries included) once one
    // has run; before that, the local embedder's query embeddings.
    const double embeds = snapshot.counter(embeddingRequests())
            ? change(embeddingRequests())
            : delta(histogramCount(snapshot, embedLatency()), histogramCount(m_previous, embedLatency()));
    const double llm = change(llmRequests());
    s.messagesPerSecond = handled / seconds;
    s.redisCommandsPerSecond = commands / seconds;
    s.redisRoundTripsPerSecond = trips / seconds;
    if (handled > 0) {
        // Per message, the turns' own traffic when the simulator measured it on its workers:
        // the store's totals also count the queue's idle polling.
        const bool perTurn = snapshot.counter(turnCommands()) != nullptr;
        s.redisCommandsPerMessage = (perTurn ? change(turnCommands()) : commands) / handled;
        s.redisRoundTripsPerMessage = (perTurn ? change(turnRoundTrips()) : trips) / handled;
    }
    s.embeddingCallsPerHour = embeds / seconds * 3600.0;
    s.llmCallsPerHour = llm / seconds * 3600.0;
    return s;
}

MetricsSample MetricsHistory::average(const QList<const MetricsSample *> &bucket)
{
    MetricsSample out;
    out.timeMs = bucket.constLast()->timeMs;
    for (const Field field : kFields) {
        double sum = 0;
        int n = 0;
        for (const MetricsSample *s : bucket) {
            if (!std::isnan(s->*field)) {
                sum += s->*field;
                ++n;
            }
        }
        out.*field = n > 0 ? sum / n : MetricsSample::kNone;
    }
    return out;
}

QList<MetricsSample> MetricsHistory::window(int windowSeconds, int maxPoints) const
{
    QList<MetricsSample> out;
    if (m_samples.empty() || maxPoints <= 0)
        return out;
    const qint64 end = m_samples.back().timeMs;
    const qint64 start = end - qint64(windowSeconds) * 1000;
    const qint64 bucketMs = std::max<qint64>(1, (end - start) / maxPoints);
    QList<const MetricsSample *> bucket;
    qint64 bucketEnd = 0;
    for (const MetricsSample &s : m_samples) {
        if (s.timeMs <= start)
            continue;
        if (!bucket.isEmpty() && s.timeMs > bucketEnd) {
            out.append(average(bucket));
            bucket.clear();
        }
        if (bucket.isEmpty())
            bucketEnd = start + ((s.timeMs - start + bucketMs - 1) / bucketMs) * bucketMs;
        bucket.append(&s);
    }
    if (!bucket.isEmpty())
        out.append(average(bucket));
    return out;
}

QString MetricsHistory::toCsv(int windowSeconds) const
{
    QString csv = QStringLiteral("time_ms");
    for (const char *column : kColumns)
        csv += u',' + QLatin1String(column);
    csv += u'\n';
    if (m_samples.empty())
        return csv;
    const qint64 start = m_samples.back().timeMs - qint64(windowSeconds) * 1000;
    const QLocale c = QLocale::c();
    for (const MetricsSample &s : m_samples) {
        if (s.timeMs <= start)
            continue;
        csv += QString::number(s.timeMs);
        for (const Field field : kFields)
            csv += u',' + (std::isnan(s.*field) ? QString() : c.toString(s.*field, 'g', 6));
        csv += u'\n';
    }
    return csv;
}

} // namespace m1
