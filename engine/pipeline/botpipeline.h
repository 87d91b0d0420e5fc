#pragma once
// The bot's message pipeline assembled in one place, for every front that runs it (`m1bot serve`,
// `m1bot chat`, the console's simulator, the end-to-end tests and the bench):
//
//   InboundQueue (Redis Stream m1:inbound, also records delivery statuses)
//     → WorkerPool (per-phone lanes) → TurnLoader (1 round trip) → Orchestrator (search, filler,
//       formatter, translated phrases, tool executor) → SendSink → save + XACK (1 round trip)
//
// The orchestrator's parts are built here and nowhere else. Feed it through inbound() (the
// webhook's InboundSink) or queue().push() (simulated messages).
#include "agent/turntrace.h"
#include "agent/userprofile.h"
#include "channel/inboundmessage.h"
#include "channel/messagestatus.h"
#include "pipeline/botpipelineoptions.h"
#include "pipeline/botpipelineparts.h"
#include "pipeline/sentreply.h"
#include "pipeline/workerpool.h"
#include "pipeline/workerpoolstats.h"

#include <memory>

namespace m1 {

class InboundQueue;
class InboundSink;
class Orchestrator;
class TurnLoader;

class BotPipeline
{
public:
    explicit BotPipeline(const BotPipelineParts &parts, BotPipelineOptions options = {});
    ~BotPipeline();
    BotPipeline(const BotPipeline &) = delete;
    BotPipeline &operator=(const BotPipeline &) = delete;

    // Set before start(), passed to the worker pool.
    void setProfileLookup(ProfileLookup lookup);
    void setTraceHandler(TraceHandler handler);
    void setReplyHandler(SentReplyHandler handler);
    // Set before start(): the delivery statuses the queue stored (on the store's thread).
    void setStatusHandler(std::function<void(const QList<MessageStatus> &)> handler);

    // Creates the consumer group and starts the workers. "" or what went wrong.
    QString start();
    // Stops reading, finishes what lanes hold, joins the threads. Unread entries stay queued.
    void stop();
    bool isRunning() const;
    // See WorkerPool::waitForIdle.
    bool waitForIdle(int timeoutMs);

    // Where the webhook (or a simulator) puts messages and statuses.
    InboundSink &inbound();
    InboundQueue &queue();
    TurnLoader &loader();
    const Orchestrator &orchestrator() const;
    WorkerPoolStats stats() const;
    const BotPipelineOptions &options() const;

private:
    struct Assembly;
    std::unique_ptr<Assembly> m_a;
};

} // namespace m1
