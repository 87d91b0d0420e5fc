#pragma once

// Every metric of a MetricsRegistry read at one moment, as plain values: what the engine sends
// to the console (queued signal) and what /metrics and `bench` print. Sorted by name.

#include "core/histogramsnapshot.h"
#include "core/timeseriespoint.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace m1 {

struct CounterSample
{
    QString name;
    QString help;
    quint64 value = 0;
};

struct GaugeSample
{
    QString name;
    QString help;
    double value = 0;
};

struct HistogramSample
{
    QString name;
    QString help;
    HistogramSnapshot histogram;
};

struct SeriesSample
{
    QString name;
    QString help;
    QList<TimeSeriesPoint> points; // the most recent seconds, oldest first
};

struct MetricsSnapshot
{
    qint64 takenAtMs = 0; // Clock::nowMs() of the registry
    QList<CounterSample> counters;
    QList<GaugeSample> gauges;
    QList<HistogramSample> histograms;
    QList<SeriesSample> series;

    // Lookups by the name the metric was registered under; null when absent.
    const CounterSample *counter(const QString &name) const;
    const GaugeSample *gauge(const QString &name) const;
    const HistogramSample *histogram(const QString &name) const;
    const SeriesSample *timeSeries(const QString &name) const;
};

} // namespace m1

Q_DECLARE_METATYPE(m1::MetricsSnapshot)
