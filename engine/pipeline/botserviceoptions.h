#pragma once
// How a BotService listens, sends and runs its workers.
#include "channel/graphapisenderoptions.h"
#include "channel/webhookserveroptions.h"
#include "pipeline/botpipelineoptions.h"

namespace m1 {

struct BotServiceOptions
{
    WebhookServerOptions webhook; // address, port, app secret, verify token, limits
    GraphApiSenderOptions sender; // Graph API URL, token, throughput, retries
    BotPipelineOptions pipeline; // workers, stream names, conversation knobs
    // How often the stream's length and pending count are sampled for /health and the
    // pipeline.queue.* gauges (sampled, because /health must never wait on the store).
    int queueSampleMs = 5'000;
    // A graceful stop waits this long for the lanes to finish their messages; what is left
    // stays pending in the stream for another process to reclaim.
    int shutdownTimeoutMs = 30'000;
};

} // namespace m1
