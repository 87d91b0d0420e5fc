#pragma once
// Everything one pipeline test needs, over the bundled demo spec: registry, search (local
// embedder), filler, formatter, sandbox executor, orchestrator, turn loader, inbound queue,
// worker pool and a capturing sink, on the given store and clock.
#include "agent/agenttr.h"
#include "agent/orchestrator.h"
#include "agent/parameterfiller.h"
#include "agent/replyformatter.h"
#include "agent/sandboxexecutor.h"
#include "channel/capturingsink.h"
#include "conversation/turnloader.h"
#include "embedding/localembedder.h"
#include "pipeline/inboundqueue.h"
#include "pipeline/workerpool.h"
#include "registry/registryloader.h"
#include "search/inmemoryusagestats.h"
#include "search/searchengine.h"

#include <QMutex>

namespace m1 {

class PipelineHarness
{
public:
    PipelineHarness(KeyValueStore &store, const Clock &clock, MetricsRegistry &metrics, int workers = 5)
        : m_clock(clock),
          m_registry(RegistryLoader().load({ QStringLiteral(M1_SOURCE_DIR "/resources/demo/fleet-api.yaml") })),
          m_filler(clock),
          m_formatter(m_tr),
          m_sandbox(clock),
          m_loader(store, ConversationConfig {}, metrics),
          m_queue(store)
    {
        const QString root = QStringLiteral(M1_SOURCE_DIR "/resources");
        ScoringConfig scoring;
        ScoringConfig::load(root + QStringLiteral("/config/scoring.json"), &scoring, &m_error);
        const ToolDocumentation docs
                = ToolDocumentation::load(root + QStringLiteral("/config/tool-docs.json"), &m_error);
        m_search = SearchEngine::build(m_registry.tools(), m_embedder, nullptr, scoring, docs,
                                       std::make_shared<InMemoryUsageStats>(), clock, &m_error);
        if (!m_search)
            return;
        m_orchestrator = std::make_unique<Orchestrator>(
                OrchestratorParts { m_registry, *m_search, m_filler, m_formatter, m_tr, m_sandbox, clock });
        WorkerPoolOptions options;
        options.workers = workers;
        options.pollMs = 5;
        m_pool = std::make_unique<WorkerPool>(m_queue, m_loader, *m_orchestrator, m_sink, clock, metrics,
                                              options);
        m_pool->setTraceHandler([this](const InboundMessage &m, const TurnTrace &trace) {
            QMutexLocker lock(&m_traceMutex);
            m_traces.append({ m.messageId, trace });
        });
    }

    bool ok() const { return m_pool != nullptr; }
    QString error() const { return m_error; }
    const Orchestrator &orchestrator() const { return *m_orchestrator; }
    WorkerPool &pool() { return *m_pool; }
    InboundQueue &queue() { return m_queue; }
    CapturingSink &sink() { return m_sink; }
    TurnLoader &loader() { return m_loader; }
    const ToolRegistry &registry() const { return m_registry; }
    QList<std::pair<QString, TurnTrace>> traces() const
    {
        QMutexLocker lock(&m_traceMutex);
        return m_traces;
    }

private:
    const Clock &m_clock;
    ToolRegistry m_registry;
    LocalEmbedder m_embedder;
    std::unique_ptr<SearchEngine> m_search;
    AgentTr m_tr;
    ParameterFiller m_filler;
    ReplyFormatter m_formatter;
    SandboxExecutor m_sandbox;
    TurnLoader m_loader;
    InboundQueue m_queue;
    CapturingSink m_sink;
    std::unique_ptr<Orchestrator> m_orchestrator;
    std::unique_ptr<WorkerPool> m_pool;
    mutable QMutex m_traceMutex;
    QList<std::pair<QString, TurnTrace>> m_traces;
    QString m_error;
};

} // namespace m1
