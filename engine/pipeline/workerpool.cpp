#include "pipeline/workerpool.h"

#include "agent/orchestrator.h"
#include "channel/outboundmessage.h"
#include "channel/sendsink.h"
#include "conversation/conversationkeys.h"
#include "conversation/turnloader.h"
#include "core/clock.h"
#include "core/counter.h"
#include "core/latencyhistogram.h"
#include "core/logcategories.h"
#include "core/metricsregistry.h"
#include "pipeline/inboundqueue.h"
#include "store/streamid.h"

#include <QDebug>

using namespace Qt::StringLiterals;

namespace m1 {

WorkerPool::WorkerPool(InboundQueue &queue, TurnLoader &loader, const Orchestrator &orchestrator,
                       SendSink &sink, const Clock &clock, MetricsRegistry &metrics, WorkerPoolOptions options)
    : m_queue(queue),
      m_loader(loader),
      m_orchestrator(orchestrator),
      m_sink(sink),
      m_clock(clock),
      m_options(std::move(options)),
      m_messages(metrics.counter(u"m1_pipeline_messages_total"_s, u"Messages run through the orchestrator"_s)),
      m_duplicates(metrics.counter(u"m1_pipeline_duplicates_total"_s, u"Messages dropped as duplicates"_s)),
      m_limited(metrics.counter(u"m1_pipeline_rate_limited_total"_s, u"Messages refused by the rate limit"_s)),
      m_failures(metrics.counter(u"m1_pipeline_failures_total"_s, u"Messages that failed in the pipeline"_s)),
      m_claimed(metrics.counter(u"m1_pipeline_claimed_total"_s, u"Idle stream entries taken over"_s)),
      m_latency(metrics.histogram(u"m1_pipeline_turn_latency"_s, u"Load to XACK per message"_s)),
      m_queueWait(metrics.histogram(u"m1_pipeline_queue_wait"_s,
                                    u"Stored in the inbound stream to a lane starting the turn (ms resolution)"_s)),
      m_laneWait(metrics.histogram(u"m1_pipeline_lane_wait"_s,
                                   u"Read from the stream to a lane starting the turn"_s)),
      m_plannerFallbacks(metrics.counter(u"m1_pipeline_planner_fallbacks_total"_s,
                                         u"Turns the LLM planner left to the rules (unreachable, slow, nonsense)"_s)),
      m_toolFailures(metrics.counter(u"m1_pipeline_tool_failures_total"_s,
                                     u"Turns whose tool call failed (the user was told)"_s)),
      m_unanswered(metrics, m_options.unanswered),
      m_reservations(queue.store(), loader.config().dedupTtlMs, metrics)
{
}

WorkerPool::~WorkerPool()
{
    stop();
}

QString WorkerPool::start()
{
    if (m_started)
        return {};
    if (const QString error = m_queue.ensureGroup(); !error.isEmpty())
        return error;
    m_stopping = false;
    m_work = std::make_unique<KeyedWorkQueue<QueuedMessage>>();
    const int lanes = std::max(1, m_options.workers);
    for (int i = 0; i < lanes; ++i)
        m_lanes.push_back(std::make_unique<Lane>());
    for (auto &lane : m_lanes) {
        Lane *l = lane.get();
        l->thread = std::thread([this, l] { laneLoop(*l); });
    }
    m_reader = std::thread([this] { readLoop(); });
    m_started = true;
    return {};
}

void WorkerPool::stop()
{
    if (!m_started)
        return;
    m_stopping = true;
    wake();
    if (m_reader.joinable())
        m_reader.join();
    m_work->close(); // the lanes finish what was read, then end
    for (auto &lane : m_lanes) {
        {
            std::lock_guard lock(lane->mutex);
        }
        lane->wake.notify_all();
        if (lane->thread.joinable())
            lane->thread.join();
    }
    m_lanes.clear();
    m_started = false;
    m_idleChanged.notify_all();
}

bool WorkerPool::waitForIdle(int timeoutMs)
{
    std::unique_lock lock(m_idleMutex);
    const quint64 after = m_readRounds;
    return m_idleChanged.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] {
        return !m_started || (m_lastEmptyRound > after && m_inFlight == 0);
    });
}

WorkerPoolStats WorkerPool::stats() const
{
    return { m_messages.value(), m_duplicates.value(), m_limited.value(), m_failures.value(),
             m_claimed.value() };
}

void WorkerPool::wake()
{
    {
        std::lock_guard lock(m_wakeMutex);
        m_woken = true;
    }
    m_wake.notify_one();
}

void WorkerPool::pause(int ms)
{
    std::unique_lock lock(m_wakeMutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_woken || m_stopping; });
    m_woken = false;
}

void WorkerPool::readLoop()
{
    qint64 nextClaimMs = 0;
    int failedReads = 0;
    while (!m_stopping) {
        QString error;
        if (m_clock.nowMs() >= nextClaimMs) {
            nextClaimMs = m_clock.nowMs() + m_options.claimEveryMs;
            // Entries this process is still working on are claimed again by itself first, which
            // resets their idle time: a slow turn in a live process is never taken over by
            // another (only a dead process stops doing this).
            QByteArrayList held;
            {
                std::lock_guard lock(m_idleMutex);
                held = QByteArrayList(m_heldIds.cbegin(), m_heldIds.cend());
            }
            m_queue.touch(m_options.consumer, held);
            QList<QueuedMessage> claimed
                    = m_queue.claimIdle(m_options.consumer, m_options.claimIdleMs, m_options.readBatch, &error);
            m_claimed.add(quint64(claimed.size()));
            dispatch(std::move(claimed));
            error.clear(); // a failing store shows in the read below as well
        }
        // Numbered when the read starts: an empty answer only proves "nothing was queued before
        // this read began", which is what waitForIdle() needs.
        quint64 round = 0;
        {
            std::lock_guard lock(m_idleMutex);
            round = ++m_readRounds;
        }
        QList<QueuedMessage> entries = m_queue.read(m_options.consumer, m_options.readBatch, &error);
        const bool nothing = entries.isEmpty();
        const bool drained = entries.size() < m_options.readBatch; // nothing more is waiting now
        const bool empty = nothing && error.isEmpty();
        dispatch(std::move(entries));
        if (empty) {
            std::lock_guard lock(m_idleMutex);
            m_lastEmptyRound = round;
        }
        m_idleChanged.notify_all();
        if (!error.isEmpty()) {
            // A Redis that lost its data (restarted without persistence) has no group any more.
            if (error.contains(u"NOGROUP"_s))
                m_queue.ensureGroup();
            // Said when reads start failing and then about once a minute, not at the polling
            // rate; polled more slowly while the store is away (it reconnects by itself).
            if (failedReads % 60 == 0)
                fail(error);
            ++failedReads;
            pause(int(std::min<qint64>(1000, qint64(m_options.pollMs) << std::min(failedReads, 6))));
            continue;
        }
        if (failedReads > 0)
            qCInfo(lcEngine).noquote() << "pipeline: reading the inbound stream again after"
                                       << failedReads << "failed reads";
        failedReads = 0;
        // A read that got less than a full batch emptied the stream: reading again at once would
        // only find nothing (a round trip per message for nothing). This process's webhook wakes
        // the reader as it queues (pause() returns at once then); other processes' messages are
        // picked up at the next poll.
        if (drained)
            pause(m_options.pollMs);
    }
}

void WorkerPool::dispatch(QList<QueuedMessage> entries)
{
    const qint64 readNs = m_clock.monotonicNs();
    for (QueuedMessage &entry : entries) {
        entry.readNs = readNs;
        const QString phone = entry.message ? entry.message->from : QString();
        {
            std::lock_guard idle(m_idleMutex);
            // Claimed back from ourselves while a lane still works on it (a turn slower than the
            // claim timeout): running it twice would answer twice.
            if (m_heldIds.contains(entry.entryId))
                continue;
            m_heldIds.insert(entry.entryId);
            ++m_inFlight;
        }
        m_work->push(phone, std::move(entry));
    }
}

void WorkerPool::laneLoop(Lane &lane)
{
    while (std::optional<KeyedWorkQueue<QueuedMessage>::Item> item = m_work->take()) {
        process(lane, item->value);
        m_work->done(item->key); // this user's next message may go to any lane now
        finishOne(item->value.entryId);
    }
}

bool WorkerPool::noticeDue(const QString &phone, qint64 nowMs, qint64 retryAfterMs)
{
    std::lock_guard lock(m_noticeMutex);
    qint64 &until = m_noticeUntilMs[phone];
    if (nowMs < until)
        return false;
    until = nowMs + std::max<qint64>(retryAfterMs, 1000);
    if (m_noticeUntilMs.size() > 10'000) // forget windows that are over
        m_noticeUntilMs.removeIf([nowMs](const auto &entry) { return entry.value() <= nowMs; });
    return true;
}

void WorkerPool::finishOne(const QByteArray &entryId)
{
    {
        std::lock_guard lock(m_idleMutex);
        m_heldIds.remove(entryId);
        --m_inFlight;
    }
    m_idleChanged.notify_all();
}

void WorkerPool::fail(const QString &why)
{
    m_failures.add();
    qCWarning(lcEngine).noquote() << "pipeline:" << why;
}

void WorkerPool::process(Lane &lane, const QueuedMessage &entry)
{
    const qint64 startNs = m_clock.monotonicNs();
    if (entry.readNs > 0)
        m_laneWait.record(startNs - entry.readNs);
    // The entry id is the time the stream stored it: how long the message queued, across
    // processes (a claimed entry counts from its first storing).
    const std::optional<StreamId> stored = StreamId::parse(entry.entryId);
    const qint64 storedMs = stored ? qint64(stored->ms) : m_clock.nowMs();
    m_queueWait.record(std::max<qint64>(0, m_clock.nowMs() - storedMs) * 1'000'000);
    if (!entry.message) {
        fail(u"dropped stream entry "_s + QString::fromLatin1(entry.entryId) + u": "_s + entry.error);
        ackUnanswered({ {}, {}, UnansweredLog::Reason::Undecodable, entry.error, entry.entryId, m_clock.nowMs() });
        return;
    }
    const InboundMessage &message = *entry.message;
    const qint64 nowMs = m_clock.nowMs();
    TurnLoad load = m_loader.load({ message.from, message.messageId, nowMs }, entry.entryId).result();
    switch (load.outcome) {
    case TurnLoad::Outcome::Failed:
        // Left pending: XAUTOCLAIM hands it out again once the store is back.
        fail(u"could not load the turn of "_s + ConversationKeys::redact(message.from) + u": "_s + load.error);
        return;
    case TurnLoad::Outcome::Duplicate:
        m_duplicates.add();
        m_queue.ack({ entry.entryId });
        return;
    case TurnLoad::Outcome::RateLimited: {
        m_limited.add();
        // One polite notice per window; the rest of a flood is dropped, each with a record.
        UnansweredLog::Record dropped { message.messageId, message.from, UnansweredLog::Reason::RateLimited,
                                        u"over the rate limit; the notice for this window was sent already, retry after "_s
                                                + QString::number(load.rate.retryAfterMs) + u" ms"_s,
                                        entry.entryId, nowMs };
        if (noticeDue(message.from, nowMs, load.rate.retryAfterMs)) {
            const SendResult sent = sendReply(OutboundMessage::textMessage(message.from, m_options.rateLimitedText),
                                              message, {}, storedMs, 0, u"the rate-limit notice"_s);
            if (sent.ok) {
                m_queue.ack({ entry.entryId });
                return;
            }
            dropped.reason = UnansweredLog::Reason::SendFailed;
            dropped.detail = u"the rate-limit notice could not be sent: "_s + sent.errorMessage;
        }
        ackUnanswered(dropped);
        return;
    }
    case TurnLoad::Outcome::Proceed:
        break;
    }

    UserProfile profile = m_profiles ? m_profiles(message.from) : UserProfile {};
    if (profile.phone.isEmpty())
        profile.phone = message.from;
    const TurnOutcome outcome = m_orchestrator.run(load.session, message, profile);
    noteTurnProblems(message, outcome.trace);
    QString sendError;
    int inDoubt = 0;
    // At most once: a delivery reclaimed from a process that died after sending must not answer
    // again (ReplyReservations). Every reply of the turn is reserved in one round trip.
    QString reserveError;
    const QList<ReplyReservations::Verdict> verdicts = m_reservations.reserveReplies(
            message.from, message.messageId, int(outcome.replies.size()), entry.entryId, &reserveError);
    if (!reserveError.isEmpty()) {
        // Left pending, as when the load fails: handled again after XAUTOCLAIM.
        fail(u"could not reserve a reply to "_s + ConversationKeys::redact(message.from) + u": "_s + reserveError);
        return;
    }
    for (qsizetype i = 0; i < outcome.replies.size(); ++i) {
        if (verdicts.at(i) == ReplyReservations::Verdict::Taken) {
            ++inDoubt;
            continue;
        }
        const SendResult sent
                = sendReply(outcome.replies.at(i), message, outcome.trace.chosenToolId, storedMs, int(i), u"a reply"_s);
        if (!sent.ok && sendError.isEmpty())
            sendError = sent.errorMessage;
    }
    // Round trip 3 (1 loaded the turn, 2 reserved its replies): the save, the record of a reply that could not be sent, XACK and XDEL
    // together. A store that is away is waited for (retrySave); should the save still fail,
    // the entry stays pending and is handled again after XAUTOCLAIM (at least once, not lost).
    std::optional<UnansweredLog::Record> unanswered;
    QList<RedisCommand> trailing;
    if (!sendError.isEmpty()) {
        unanswered = UnansweredLog::Record { message.messageId, message.from, UnansweredLog::Reason::SendFailed,
                                             sendError, entry.entryId, m_clock.nowMs() };
        trailing.append(m_unanswered.command(*unanswered));
    } else if (inDoubt > 0) {
        unanswered = UnansweredLog::Record {
            message.messageId, message.from, UnansweredLog::Reason::InDoubt,
            QString::number(inDoubt) + u" of "_s + QString::number(outcome.replies.size())
                    + u" replies were reserved by an earlier delivery whose process stopped before acknowledging "
                      u"the message: they may have reached the user and are not sent again"_s,
            entry.entryId, m_clock.nowMs() };
        trailing.append(m_unanswered.command(*unanswered));
    }
    trailing.append(m_queue.ackCommands({ entry.entryId }));
    trailing.append(m_reservations.settleCommands(message.from, message.messageId, int(outcome.replies.size())));
    const ConversationSession unsaved = load.session;
    TurnSaveResult saved = m_loader.save(load.session, trailing).result();
    if (!saved.ok && saved.transport)
        saved = retrySave(lane, unsaved, trailing, saved);
    if (!saved.ok)
        fail(u"could not save the conversation of "_s + ConversationKeys::redact(message.from)
             + u" or acknowledge it: "_s + saved.error);
    else if (unanswered)
        m_unanswered.recorded(*unanswered);
    m_messages.add();
    m_latency.record(m_clock.monotonicNs() - startNs);
    if (m_traces)
        m_traces(message, outcome.trace);
}

SendResult WorkerPool::sendReply(const OutboundMessage &reply, const InboundMessage &to, const QString &toolId,
                                 qint64 storedMs, int index, const QString &what)
{
    const SendResult sent = m_sink.send(reply).result();
    if (!sent.ok)
        fail(u"could not send "_s + what + u" to "_s + ConversationKeys::redact(to.from) + u": "_s + sent.errorMessage);
    if (m_replies)
        m_replies({ reply, sent, to.messageId, toolId, std::max<qint64>(0, m_clock.nowMs() - storedMs), index });
    return sent;
}

void WorkerPool::ackUnanswered(const UnansweredLog::Record &record)
{
    const QString error = m_queue.ack({ record.entryId }, { m_unanswered.command(record) });
    if (error.isEmpty())
        m_unanswered.recorded(record);
    else // left pending: handled (and recorded) again after XAUTOCLAIM
        fail(u"could not record why message "_s + record.messageId + u" got no reply: "_s + error);
}

TurnSaveResult WorkerPool::retrySave(Lane &lane, const ConversationSession &session,
                                     const QList<RedisCommand> &trailing, TurnSaveResult failed)
{
    qCWarning(lcEngine).noquote() << "pipeline: the store is away after a turn was answered; retrying its save"
                                  << "until the store is back, so the user is not answered twice:" << failed.error;
    int attempts = 1;
    for (qint64 waitMs = 50; !failed.ok && failed.transport && !m_stopping; waitMs = std::min<qint64>(waitMs * 2, 1000)) {
        {
            std::unique_lock lock(lane.mutex);
            lane.wake.wait_for(lock, std::chrono::milliseconds(waitMs), [this] { return m_stopping.load(); });
        }
        if (m_stopping)
            break;
        ConversationSession again = session;
        failed = m_loader.save(again, trailing).result();
        ++attempts;
    }
    if (failed.ok)
        qCInfo(lcEngine).noquote() << "pipeline: a turn's save went through after" << attempts << "attempts";
    return failed;
}

void WorkerPool::noteTurnProblems(const InboundMessage &message, const TurnTrace &trace)
{
    // Counted always, logged at the 1st, 2nd, 4th, 8th, ... occurrence: an outage is visible in
    // the log without one line per message.
    const auto sparingly = [](quint64 n) { return (n & (n - 1)) == 0; };
    if (trace.planner == u"rules-fallback"_s) {
        m_plannerFallbacks.add();
        if (const quint64 n = m_plannerFallbacks.value(); sparingly(n))
            qCWarning(lcEngine).noquote() << u"pipeline: the LLM planner was not used ("_s + QString::number(n)
                            + u" turns so far), the rules chose instead: "_s + trace.plannerFallback;
    }
    if (!trace.error.isEmpty()) {
        m_toolFailures.add();
        if (const quint64 n = m_toolFailures.value(); sparingly(n))
            qCWarning(lcEngine).noquote() << u"pipeline: tool call for "_s + ConversationKeys::redact(message.from)
                            + u" failed ("_s + QString::number(n) + u" turns so far; each user was told it failed): "_s
                            + trace.error;
    }
}

} // namespace m1
