#pragma once

// Tells a benchmark's own slowness from the machine's: over a measured span, how long this
// process's threads sat runnable waiting for a CPU (the kernel's per-thread run-queue time,
// /proc/self/task/*/schedstat) against how long they ran, and how late a thread that asks to
// wake every millisecond actually woke (its worst oversleeps are the stalls every other thread of
// the process could have met at that moment). On a shared two-core machine this is what decides
// whether a latency tail is ours or the neighbours'.
//
//   SchedulingProbe probe;
//   probe.start();  … measured work …  probe.stop();
//   report.insert("e2e_scheduling", probe.toJson());

#include <QHash>
#include <QJsonObject>

#include <atomic>
#include <thread>
#include <vector>

namespace m1 {

class SchedulingProbe
{
public:
    SchedulingProbe() = default;
    ~SchedulingProbe();
    SchedulingProbe(const SchedulingProbe &) = delete;
    SchedulingProbe &operator=(const SchedulingProbe &) = delete;

    void start();
    void stop();

    // Summed over the process's threads between start() and stop() (threads that ended in
    // between are not counted); -1 where /proc does not say.
    double runQueueWaitMs() const { return m_waitMs; }
    double runMs() const { return m_runMs; }
    // How late the 1 ms sleeper woke: percentiles and the worst, in ms.
    double oversleepPercentileMs(double p) const;
    double maxOversleepMs() const;

    // {run_ms, runqueue_wait_ms, oversleep_p99_ms, oversleep_max_ms, stalls_over_10ms}.
    QJsonObject toJson() const;

private:
    struct Times
    {
        double runMs = 0;
        double waitMs = 0;
    };
    static QHash<qint64, Times> readThreads();
    void sleepLoop();

    QHash<qint64, Times> m_before;
    double m_runMs = -1;
    double m_waitMs = -1;
    std::thread m_sleeper;
    std::atomic<bool> m_stop { false };
    std::vector<double> m_oversleepMs; // written by the sleeper, read after it is joined
};

} // namespace m1
