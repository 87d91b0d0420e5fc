#include "pipeline/workerpool.h"

#include "agent/orchestrator.h"
#include "channel/outboundmessage.h"
#include "channel/sendsink.h"
#include "conversation/turnloader.h"
#include "core/clock.h"
#include "core/counter.h"
#include "core/latencyhistogram.h"
#include "core/logcategories.h"
#include "core/metricsregistry.h"
#include "pipeline/inboundqueue.h"

#include <QDebug>
#include <QHashFunctions>

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
      m_latency(metrics.histogram(u"m1_pipeline_turn_latency"_s, u"Load to XACK per message"_s))
{
}

WorkerPool::~WorkerPool()
{
    stop();
}

int WorkerPool::laneFor(const QString &phone, int lanes)
{
    return lanes <= 1 ? 0 : int(qHash(phone, size_t(0x4d31)) % size_t(lanes));
}

QString WorkerPool::start()
{
    if (m_started)
        return {};
    if (const QString error = m_queue.ensureGroup(); !error.isEmpty())
        return error;
    m_stopping = false;
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
        if (nothing)
            pause(m_options.pollMs);
    }
}

void WorkerPool::dispatch(QList<QueuedMessage> entries)
{
    for (QueuedMessage &entry : entries) {
        const QString phone = entry.message ? entry.message->from : QString();
        Lane &lane = *m_lanes[size_t(laneFor(phone, int(m_lanes.size())))];
        {
            std::lock_guard idle(m_idleMutex);
            // Claimed back from ourselves while a lane still works on it (a turn slower than the
            // claim timeout): running it twice would answer twice.
            if (m_heldIds.contains(entry.entryId))
                continue;
            m_heldIds.insert(entry.entryId);
            ++m_inFlight;
        }
        {
            std::lock_guard lock(lane.mutex);
            lane.queue.push_back(std::move(entry));
        }
        lane.wake.notify_one();
    }
}

void WorkerPool::laneLoop(Lane &lane)
{
    for (;;) {
        QueuedMessage entry;
        {
            std::unique_lock lock(lane.mutex);
            lane.wake.wait(lock, [&] { return m_stopping || !lane.queue.empty(); });
            if (lane.queue.empty())
                return; // stopping and nothing left
            entry = std::move(lane.queue.front());
            lane.queue.pop_front();
        }
        process(lane, entry);
        finishOne(entry.entryId);
    }
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
    if (!entry.message) {
        fail(u"dropped stream entry "_s + QString::fromLatin1(entry.entryId) + u": "_s + entry.error);
        m_queue.ack({ entry.entryId });
        return;
    }
    const InboundMessage &message = *entry.message;
    const qint64 nowMs = m_clock.nowMs();
    TurnLoad load = m_loader.load({ message.from, message.messageId, nowMs }, entry.entryId).result();
    switch (load.outcome) {
    case TurnLoad::Outcome::Failed:
        // Left pending: XAUTOCLAIM hands it out again once the store is back.
        fail(u"could not load the turn of "_s + message.from + u": "_s + load.error);
        return;
    case TurnLoad::Outcome::Duplicate:
        m_duplicates.add();
        m_queue.ack({ entry.entryId });
        return;
    case TurnLoad::Outcome::RateLimited: {
        m_limited.add();
        qint64 &until = lane.noticeUntilMs[message.from];
        if (nowMs >= until) {
            until = nowMs + std::max<qint64>(load.rate.retryAfterMs, 1000);
            const SendResult sent = m_sink.send(OutboundMessage::textMessage(message.from, m_options.rateLimitedText))
                                            .result();
            if (!sent.ok)
                fail(u"could not send the rate-limit notice to "_s + message.from + u": "_s + sent.errorMessage);
        }
        m_queue.ack({ entry.entryId });
        return;
    }
    case TurnLoad::Outcome::Proceed:
        break;
    }

    UserProfile profile = m_profiles ? m_profiles(message.from) : UserProfile {};
    if (profile.phone.isEmpty())
        profile.phone = message.from;
    const TurnOutcome outcome = m_orchestrator.run(load.session, message, profile);
    for (const OutboundMessage &reply : outcome.replies) {
        const SendResult sent = m_sink.send(reply).result();
        if (!sent.ok)
            fail(u"could not send a reply to "_s + message.from + u": "_s + sent.errorMessage);
    }
    // Round trip 2: the save, XACK and XDEL together. Should it fail, the entry stays pending
    // and is handled again after XAUTOCLAIM (at least once, rather than lost).
    const TurnSaveResult saved = m_loader.save(load.session, m_queue.ackCommands({ entry.entryId })).result();
    if (!saved.ok)
        fail(u"could not save the conversation of "_s + message.from + u" or acknowledge it: "_s
             + saved.error);
    m_messages.add();
    m_latency.record(m_clock.monotonicNs() - startNs);
    if (m_traces)
        m_traces(message, outcome.trace);
}

} // namespace m1
