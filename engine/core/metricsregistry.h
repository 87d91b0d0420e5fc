#pragma once

// The named metrics of one engine. Owned by the engine facade and passed to whoever records
// (no singleton). Get-or-create takes a mutex and returns a reference that stays valid for
// the registry's lifetime, so hot paths look a metric up once, keep the reference and then
// only touch atomics. Counters, gauges, histograms and series have separate name spaces;
// use one name for one kind.

#include "core/clock.h"
#include "core/counter.h"
#include "core/gauge.h"
#include "core/latencyhistogram.h"
#include "core/metricssnapshot.h"
#include "core/timeseries.h"

#include <QMutex>
#include <QString>

#include <map>
#include <memory>

namespace m1 {

class MetricsRegistry
{
public:
    explicit MetricsRegistry(const Clock &clock);
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // `help` is kept from the first call that gives a non-empty one.
    Counter &counter(const QString &name, const QString &help = {});
    Gauge &gauge(const QString &name, const QString &help = {});
    LatencyHistogram &histogram(const QString &name, const QString &help = {});
    TimeSeries &series(const QString &name, const QString &help = {});

    // Series carry their last `seriesSeconds` seconds (the console's live charts).
    MetricsSnapshot snapshot(int seriesSeconds = 60) const;
    // Prometheus text exposition 0.0.4; see PrometheusText for naming.
    QString prometheusText() const;
    const Clock &clock() const { return m_clock; }

private:
    template<typename Metric>
    struct Entry
    {
        QString help;
        std::unique_ptr<Metric> metric;
    };
    template<typename Metric>
    using Table = std::map<QString, Entry<Metric>>;

    template<typename Metric, typename Make>
    Metric &getOrCreate(Table<Metric> &table, const QString &name, const QString &help, Make make);

    const Clock &m_clock;
    mutable QMutex m_mutex;
    Table<Counter> m_counters;
    Table<Gauge> m_gauges;
    Table<LatencyHistogram> m_histograms;
    Table<TimeSeries> m_series;
};

} // namespace m1
