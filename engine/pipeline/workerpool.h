#pragma once
// Runs the inbound stream through the orchestrator: one reader thread takes entries from the
// consumer group into a work queue keyed by the sender's phone, and N lanes (one thread each)
// take from it: one user's messages never run concurrently and keep their order, different
// users run in parallel, and a free lane takes whichever user is next (no lane is tied to a set
// of users, so one slow turn delays only its own user). Per message:
//
//   TurnLoader::load (dedup, rate limit, state, history: one round trip) → Orchestrator::run
//   → per reply: ReplyReservations::reserve (one round trip; a reply an earlier delivery reserved is
//     not sent again) and SendSink::send → TurnLoader::save + XACK + XDEL (one round trip)
//
// Duplicates are dropped silently (counted); a rate-limited user gets one polite reply per
// window. Entries still being worked on are re-claimed by this consumer at every claim round, so
// their idle time never reaches the claim timeout while the process lives: XAUTOCLAIM only ever
// takes over what a dead process left. The entry is acknowledged in every case except a store failure while loading, which
// leaves it pending for XAUTOCLAIM to retry later.
#include "agent/turntrace.h"
#include "agent/userprofile.h"
#include "channel/inboundmessage.h"
#include "conversation/turnsaveresult.h"
#include "pipeline/keyedworkqueue.h"
#include "pipeline/queuedmessage.h"
#include "pipeline/replyreservations.h"
#include "pipeline/sentreply.h"
#include "pipeline/unansweredlog.h"
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
class ConversationSession;
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
    // Called on the lane's thread after each send, failed ones included (the message log).
    void setReplyHandler(SentReplyHandler handler) { m_replies = std::move(handler); }

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

private:
    struct Lane
    {
        std::mutex mutex;
        std::condition_variable wake;
        std::thread thread;
    };
    void readLoop();
    void pause(int ms); // the reader's wait between polls, cut short by wake() and stop()
    void laneLoop(Lane &lane);
    void dispatch(QList<QueuedMessage> entries);
    void process(Lane &lane, const QueuedMessage &entry);
    // True when the rate-limited `phone` is due a notice (and notes that it got one).
    bool noticeDue(const QString &phone, qint64 nowMs, qint64 retryAfterMs);
    // Sends one reply, says so when it fails, and hands it to the reply handler.
    SendResult sendReply(const OutboundMessage &reply, const InboundMessage &to, const QString &toolId,
                   qint64 storedMs, int index, const QString &what);
    // Acknowledges an entry that ends without a reply together with the record saying why.
    void ackUnanswered(const UnansweredLog::Record &record);
    // Retries a save that failed because the store was away, until it answers or stop():
    // the replies already went out, and an entry left pending would be answered again.
    TurnSaveResult retrySave(Lane &lane, const ConversationSession &session,
                             const QList<RedisCommand> &trailing, TurnSaveResult failed);
    // Counts and (sparingly) logs turns whose planner fell back or whose tool call failed.
    void noteTurnProblems(const InboundMessage &message, const TurnTrace &trace);
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
    SentReplyHandler m_replies;

    Counter &m_messages;
    Counter &m_duplicates;
    Counter &m_limited;
    Counter &m_failures;
    Counter &m_claimed;
    LatencyHistogram &m_latency;
    LatencyHistogram &m_queueWait;
    LatencyHistogram &m_laneWait;
    Counter &m_plannerFallbacks;
    Counter &m_toolFailures;
    UnansweredLog m_unanswered;
    ReplyReservations m_reservations; // each reply sent at most once, across reclaims and processes

    std::vector<std::unique_ptr<Lane>> m_lanes;
    // What the lanes take turns from: any free lane takes the next message of a user no lane is
    // working on (see KeyedWorkQueue), so one slow turn holds up only that user.
    std::unique_ptr<KeyedWorkQueue<QueuedMessage>> m_work;
    std::mutex m_noticeMutex;
    QHash<QString, qint64> m_noticeUntilMs; // rate-limit notices sent, per phone
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
