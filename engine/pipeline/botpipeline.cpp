#include "pipeline/botpipeline.h"

#include "agent/agenttr.h"
#include "agent/orchestrator.h"
#include "agent/parameterfiller.h"
#include "agent/replyformatter.h"
#include "conversation/turnloader.h"
#include "pipeline/deliverystatuslog.h"
#include "pipeline/inboundqueue.h"

#include <QTranslator>

#include <atomic>

namespace m1 {

struct BotPipeline::Assembly
{
    Assembly(const BotPipelineParts &p, BotPipelineOptions o)
        : options(std::move(o))
        , croatian(options.croatianCatalogue.isEmpty() ? nullptr
                                                       : AgentTr::loadCroatian(options.croatianCatalogue))
        , tr(croatian.get())
        , filler(p.clock)
        , formatter(tr)
        // The one place OrchestratorParts is built: new (optional) parts are wired here.
        , orchestrator(OrchestratorParts { p.registry, p.search, filler, formatter, tr, p.executor,
                                           p.clock, p.planner, p.graph })
        , loader(p.store, options.conversation, p.metrics)
        , statuses(p.metrics, options.statuses)
        , queue(p.store, options.stream, options.group)
        , pool(queue, loader, orchestrator, p.sink, p.clock, p.metrics, options.workers)
    {
        queue.setStatusLog(&statuses);
        queue.setEnqueuedHandler([this] { pool.wake(); });
    }

    const BotPipelineOptions options;
    const std::unique_ptr<QTranslator> croatian;
    const AgentTr tr;
    const ParameterFiller filler;
    const ReplyFormatter formatter;
    const Orchestrator orchestrator;
    TurnLoader loader;
    DeliveryStatusLog statuses;
    InboundQueue queue;
    WorkerPool pool;
    std::atomic<bool> running { false };
};

BotPipeline::BotPipeline(const BotPipelineParts &parts, BotPipelineOptions options)
    : m_a(std::make_unique<Assembly>(parts, std::move(options)))
{
}

BotPipeline::~BotPipeline()
{
    stop();
}

void BotPipeline::setProfileLookup(ProfileLookup lookup)
{
    m_a->pool.setProfileLookup(std::move(lookup));
}

void BotPipeline::setTraceHandler(TraceHandler handler)
{
    m_a->pool.setTraceHandler(std::move(handler));
}

void BotPipeline::setReplyHandler(SentReplyHandler handler)
{
    m_a->pool.setReplyHandler(std::move(handler));
}

void BotPipeline::setStatusHandler(std::function<void(const QList<MessageStatus> &)> handler)
{
    m_a->statuses.setRecordedHandler(std::move(handler));
}

QString BotPipeline::start()
{
    const QString error = m_a->pool.start();
    m_a->running = error.isEmpty();
    return error;
}

void BotPipeline::stop()
{
    m_a->pool.stop();
    m_a->running = false;
}

bool BotPipeline::isRunning() const
{
    return m_a->running;
}

bool BotPipeline::waitForIdle(int timeoutMs)
{
    return m_a->pool.waitForIdle(timeoutMs);
}

InboundSink &BotPipeline::inbound()
{
    return m_a->queue;
}

InboundQueue &BotPipeline::queue()
{
    return m_a->queue;
}

TurnLoader &BotPipeline::loader()
{
    return m_a->loader;
}

const Orchestrator &BotPipeline::orchestrator() const
{
    return m_a->orchestrator;
}

WorkerPoolStats BotPipeline::stats() const
{
    return m_a->pool.stats();
}

const BotPipelineOptions &BotPipeline::options() const
{
    return m_a->options;
}

} // namespace m1
