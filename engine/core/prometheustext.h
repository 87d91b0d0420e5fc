#pragma once

// Renders a MetricsSnapshot in the Prometheus text exposition format 0.0.4 (what `m1bot serve`
// answers on /metrics).
//
// Naming: "m1_" + the registered name with every character outside [a-zA-Z0-9_:] turned into
// '_' ("search.latency" → "m1_search_latency"; a name already starting with "m1." or "m1_" is
// not prefixed twice). Following Prometheus conventions, counters get a "_total" suffix and
// histograms are exported as summaries in seconds with a "_seconds" suffix (quantiles 0.5,
// 0.9, 0.99 plus _sum and _count). Time series are for the console's charts and are not
// exported. If two registered names sanitise to the same metric name, the first one wins and
// the other is reported in a comment line.

#include "core/metricssnapshot.h"

#include <QString>

namespace m1 {

class PrometheusText
{
public:
    static QString format(const MetricsSnapshot &snapshot);

    // "m1_" + sanitised name + suffix (the suffix is not doubled).
    static QString metricName(const QString &name, const QString &suffix = {});
    static QString formatValue(double value);
    static QString escapeHelp(const QString &help);
};

} // namespace m1
