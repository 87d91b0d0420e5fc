#pragma once

// The metrics panel's own bounded memory of the engine's snapshots: one sample per snapshot
// for the last 24 hours (counters turned into rates by differencing consecutive snapshots),
// read back per time window and thinned to a number of points a chart can draw quickly.

#include "models/metricssample.h"

#include "core/metricssnapshot.h"

#include <QList>
#include <QPair>
#include <QString>

#include <deque>

namespace m1 {

class MetricsHistory
{
public:
    static constexpr qint64 kRetentionMs = 24LL * 3600 * 1000;

    // Metric names the panel reads (as the engine registers them).
    static QString searchLatency() { return QStringLiteral("m1_search_latency"); }
    static QString embedLatency() { return QStringLiteral("m1_search_embed_latency"); }
    static QString e2eLatency() { return QStringLiteral("m1_simulator_e2e_latency"); }
    static QString turnLatency() { return QStringLiteral("m1_pipeline_turn_latency"); }
    static QString messages() { return QStringLiteral("m1_pipeline_messages_total"); }
    static QString storeCommands() { return QStringLiteral("store.commands"); }
    static QString storeRoundTrips() { return QStringLiteral("store.round_trips"); }
    static QString turnCommands() { return QStringLiteral("m1_simulator_turn_store_commands_total"); }
    static QString turnRoundTrips() { return QStringLiteral("m1_simulator_turn_store_round_trips_total"); }
    static QString llmRequests() { return QStringLiteral("agent.llm.requests"); }
    static QString embeddingRequests() { return QStringLiteral("embedding.requests"); }
    static QString rss() { return QStringLiteral("process.rss_bytes"); }

    void add(const MetricsSnapshot &snapshot);
    void clear();

    // Samples of the last windowSeconds before the newest one, averaged into at most maxPoints
    // buckets of equal time (NaNs left out of each average).
    QList<MetricsSample> window(int windowSeconds, int maxPoints) const;
    // Start-up phases ("parse", "embed", ...) in milliseconds from the newest snapshot.
    QList<QPair<QString, double>> startupPhases() const { return m_phases; }
    qsizetype size() const { return qsizetype(m_samples.size()); }
    qint64 newestMs() const { return m_samples.empty() ? 0 : m_samples.back().timeMs; }
    qint64 oldestMs() const { return m_samples.empty() ? 0 : m_samples.front().timeMs; }

    // The window's samples unthinned, one line each, for a spreadsheet.
    QString toCsv(int windowSeconds) const;

private:
    MetricsSample sampleFrom(const MetricsSnapshot &snapshot) const;
    static MetricsSample average(const QList<const MetricsSample *> &bucket);

    std::deque<MetricsSample> m_samples;
    QList<QPair<QString, double>> m_phases;
    MetricsSnapshot m_previous;
    bool m_hasPrevious = false;
};

} // namespace m1
