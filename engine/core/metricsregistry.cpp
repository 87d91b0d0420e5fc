#include "core/metricsregistry.h"

#include "core/prometheustext.h"

#include <QMutexLocker>

namespace m1 {

MetricsRegistry::MetricsRegistry(const Clock &clock)
    : m_clock(clock)
{
}

template<typename Metric, typename Make>
Metric &MetricsRegistry::getOrCreate(Table<Metric> &table, const QString &name, const QString &help,
                                     Make make)
{
    QMutexLocker lock(&m_mutex);
    auto it = table.find(name);
    if (it == table.end())
        it = table.emplace(name, Entry<Metric>{help, make()}).first;
    else if (it->second.help.isEmpty() && !help.isEmpty())
        it->second.help = help;
    return *it->second.metric;
}

Counter &MetricsRegistry::counter(const QString &name, const QString &help)
{
    return getOrCreate(m_counters, name, help, [] { return std::make_unique<Counter>(); });
}

Gauge &MetricsRegistry::gauge(const QString &name, const QString &help)
{
    return getOrCreate(m_gauges, name, help, [] { return std::make_unique<Gauge>(); });
}

LatencyHistogram &MetricsRegistry::histogram(const QString &name, const QString &help)
{
    return getOrCreate(m_histograms, name, help, [] { return std::make_unique<LatencyHistogram>(); });
}

TimeSeries &MetricsRegistry::series(const QString &name, const QString &help)
{
    return getOrCreate(m_series, name, help,
                       [this] { return std::make_unique<TimeSeries>(m_clock); });
}

MetricsSnapshot MetricsRegistry::snapshot(int seriesSeconds) const
{
    MetricsSnapshot s;
    s.takenAtMs = m_clock.nowMs();
    // The lock guards the tables only; the metrics themselves are read through atomics.
    QMutexLocker lock(&m_mutex);
    s.counters.reserve(qsizetype(m_counters.size()));
    for (const auto &[name, entry] : m_counters)
        s.counters.append(CounterSample{name, entry.help, entry.metric->value()});
    s.gauges.reserve(qsizetype(m_gauges.size()));
    for (const auto &[name, entry] : m_gauges)
        s.gauges.append(GaugeSample{name, entry.help, entry.metric->value()});
    s.histograms.reserve(qsizetype(m_histograms.size()));
    for (const auto &[name, entry] : m_histograms)
        s.histograms.append(HistogramSample{name, entry.help, entry.metric->snapshot()});
    s.series.reserve(qsizetype(m_series.size()));
    for (const auto &[name, entry] : m_series)
        s.series.append(SeriesSample{name, entry.help, entry.metric->lastSeconds(seriesSeconds)});
    return s;
}

QString MetricsRegistry::prometheusText() const
{
    return PrometheusText::format(snapshot(1));
}

} // namespace m1
