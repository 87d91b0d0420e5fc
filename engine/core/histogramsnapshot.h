#pragma once

// What a LatencyHistogram held at one moment, as plain numbers (nanoseconds) that can cross
// threads and feed charts or the Prometheus exposition.

#include <QtGlobal>

namespace m1 {

struct HistogramSnapshot
{
    quint64 count = 0;
    double sumNs = 0;
    qint64 minNs = 0;  // 0 when empty
    qint64 maxNs = 0;  // 0 when empty
    double meanNs = 0; // 0 when empty
    double p50Ns = 0;  // percentiles are 0 when empty
    double p90Ns = 0;
    double p99Ns = 0;
    double p999Ns = 0;
};

} // namespace m1
