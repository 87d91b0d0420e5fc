#pragma once

// One point of the metrics panel's history: what the engine's snapshot said at one moment,
// turned into the rates and percentiles the charts draw. NaN means "nothing to say" (no message
// in the interval for per-message figures, no sample yet for latencies).

#include <QtGlobal>

#include <limits>

namespace m1 {

struct MetricsSample
{
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

    qint64 timeMs = 0;
    double searchP50Us = kNone;
    double searchP99Us = kNone;
    double e2eP50Ms = kNone;
    double e2eP99Ms = kNone;
    double turnP99Ms = kNone;
    double messagesPerSecond = 0;
    double redisCommandsPerSecond = 0;
    double redisRoundTripsPerSecond = 0;
    double redisCommandsPerMessage = kNone;
    double redisRoundTripsPerMessage = kNone;
    double embeddingCallsPerHour = 0;
    double llmCallsPerHour = 0;
    double rssMiB = kNone;
};

} // namespace m1
