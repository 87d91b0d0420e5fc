#include "core/metricssnapshot.h"

#include <algorithm>

namespace m1 {

namespace {
// Lists are sorted by name (the registry builds them from ordered maps).
template<typename Sample>
const Sample *findByName(const QList<Sample> &list, const QString &name)
{
    const auto it = std::lower_bound(list.cbegin(), list.cend(), name,
                                     [](const Sample &s, const QString &n) { return s.name < n; });
    return (it != list.cend() && it->name == name) ? &*it : nullptr;
}
} // namespace

const CounterSample *MetricsSnapshot::counter(const QString &name) const
{
    return findByName(counters, name);
}

const GaugeSample *MetricsSnapshot::gauge(const QString &name) const
{
    return findByName(gauges, name);
}

const HistogramSample *MetricsSnapshot::histogram(const QString &name) const
{
    return findByName(histograms, name);
}

const SeriesSample *MetricsSnapshot::timeSeries(const QString &name) const
{
    return findByName(series, name);
}

} // namespace m1
