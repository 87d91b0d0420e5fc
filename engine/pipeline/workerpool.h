#pragma once
// Runs the inbound stream through the orchestrator: one reader thread takes entries from the
// consumer group and hands each to a lane chosen by a hash of the sender's phone, so one user's
// messages never run concurrently and keep their order, while different users run in parallel
// (N lanes, one thread each). Per message:
//
//   TurnLoader::load (dedup, rate limit, state, history: one round trip) → Orchestrator::run
//   → SendSink::send each reply → TurnLoader::save + XACK + XDEL (one round trip)
//
// Duplicates are dropped silently (counted); a rate-limited user gets one polite reply per
// window. Entries still being worked on are re-claimed by this consumer at every claim round, so
// their idle time never reaches the claim timeout while the process lives: XAUTOCLAIM only ever
// takes over what a dead process left. The entry is acknowledged in every case except a store failure while loading, which
// leaves it pending for XAUTOCLAIM to retry later.
#include "agent/turntrace.h"
#include "agent/userprofile.h"
#include "channel/inboundmessage.h"
#include "pipeline/queuedmessage.h"
#include "pipeline/workerpooloptions.h"
#include "pipeline/workerpoolstats.h"

#include <QHash>
#include <QSet>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace m1 {

class Clock;
class Counter;
class InboundQueue;
class LatencyHistogram;
class MetricsRegistry;
class Orchestrator;
class SendSink;
class TurnLoader;

using ProfileLookup = std::function<UserProfile(const QString &phone)>;
using TraceHandler = std::function<void(const InboundMessage &, const TurnTrace &)>;

class WorkerPool
{
public:
    WorkerPool(InboundQueue &queue, TurnLoader &loader, const Orchestrator &orchestrator, SendSink &sink,
               const Clock &clock, MetricsRegistry &metrics, WorkerPoolOptions options = {});
    ~WorkerPool();
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    // Set before start(). Without a lookup the profile is just the phone.
    void setProfileLookup(ProfileLookup lookup) { m_profiles = std::move(lookup); }
    // Called on the lane's thread after each turn (the console's simulator shows it).
    void setTraceHandler(TraceHandler handler) { m_traces = std::move(handler); }

    // Creates the consumer group and starts the threads. "" or what went wrong.
    QString start();
    // Finishes the messages already handed to lanes, then stops. Unread entries stay in the stream.
    void stop();
    // Blocks until a read that started after this call found nothing new and every lane is idle,
    // or timeoutMs passed (false). For `m1bot chat` and tests.
    bool waitForIdle(int timeoutMs);

    // Makes the reader read now instead of at its next poll: called when this process has just
    // queued a message, so the usual case does not wait a polling interval. Thread-safe.
    void wake();

    WorkerPoolStats stats() const;
    static int laneFor(const QString &phone, int lanes);

private:
    struct Lane
    {
        std::mutex mutex;
        std::condition_variable wake;
        std::deque<QueuedMessage> queue;
        QHash<QString, qint64> noticeUntilMs; // rate-limit notices sent (phones of this lane only)
        std::thread thread;
    };
    void readLoop();
    void pause(int ms); // the reader's wait between polls, cut short by wake() and stop()
    void laneLoop(Lane &lane);
    void dispatch(QList<QueuedMessage> entries);
    void process(Lane &lane, const QueuedMessage &entry);
    void finishOne(const QByteArray &entryId);
    void fail(const QString &why);

    InboundQueue &m_queue;
    TurnLoader &m_loader;
    const Orchestrator &m_orchestrator;
    SendSink &m_sink;
    const Clock &m_clock;
    const WorkerPoolOptions m_options;
    ProfileLookup m_profiles;
    TraceHandler m_traces;

    Counter &m_messages;
    Counter &m_duplicates;
    Counter &m_limited;
    Counter &m_failures;
    Counter &m_claimed;
    LatencyHistogram &m_latency;

    std::vector<std::unique_ptr<Lane>> m_lanes;
    std::thread m_reader;
    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    bool m_woken = false;
    std::atomic<bool> m_stopping { false };
    bool m_started = false;

    // Idle tracking: the reader numbers every read as it starts (m_readRounds) and remembers the
    // last one that found nothing; m_inFlight counts entries handed to lanes and not finished.
    mutable std::mutex m_idleMutex;
    std::condition_variable m_idleChanged;
    quint64 m_readRounds = 0;
    quint64 m_lastEmptyRound = 0;
    int m_inFlight = 0;
    QSet<QByteArray> m_heldIds; // entries handed to lanes and not finished
};

} // namespace m1
