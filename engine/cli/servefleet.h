#pragma once

// The `m1bot serve` children of `m1bot bench --load` as the bench drives them: started together
// and waited for until each answers /health; one of them SIGKILLed at a set time and started again
// a little later (when it is healthy again is noted); their /metrics counters sampled twice a
// second, so that a killed life's counts survive it; all stopped with SIGTERM at the end. Lives
// on the bench's main thread, whose event loop must run (spinUntil) for any of it to happen.

#include "cli/loadrundata.h"
#include "cli/servechild.h"

#include <QNetworkAccessManager>

#include <functional>
#include <memory>
#include <vector>

namespace m1 {

class Clock;

class ServeFleet
{
public:
    struct Crash
    {
        int victim = -1; // the child to kill; -1: none
        double atS = 0; // after sending started
        double restartAfterS = 1;
    };
    using Progress = std::function<void(const QString &)>;

    ServeFleet(const Clock &clock, Crash crash, Progress progress);
    ~ServeFleet();
    ServeFleet(const ServeFleet &) = delete;
    ServeFleet &operator=(const ServeFleet &) = delete;

    void add(std::unique_ptr<ServeChild> child);
    // Starts every child and waits until each is healthy. "" or why not (with its log's tail).
    QString startAll(int timeoutMs);
    // Called every few milliseconds while the load runs: the crash, the restart, the sampling.
    // `startNs`: when sending began (the clock's monotonic time).
    void step(qint64 startNs);
    // The crash and the restart are over: nothing to kill, or the victim is healthy again.
    bool settled() const;
    QString restartError() const { return m_restartError; }
    qint64 killNs() const { return m_killNs; }
    qint64 restartNs() const { return m_restartNs; }
    qint64 healthyAgainNs() const { return m_healthyAgainNs; }

    // Reads every running child's counters once more (bounded wait), then stops them all.
    QList<LoadRunData::Child> stopAll(int timeoutMs);

private:
    const Clock &m_clock;
    const Crash m_crash;
    const Progress m_progress;
    std::vector<std::unique_ptr<ServeChild>> m_children;
    // Declared after the children: its replies, still in flight, go first.
    QNetworkAccessManager m_network;
    qint64 m_killNs = 0;
    qint64 m_restartNs = 0;
    qint64 m_healthyAgainNs = 0;
    qint64 m_nextSampleNs = 0;
    bool m_probing = false;
    QString m_restartError;
};

} // namespace m1
