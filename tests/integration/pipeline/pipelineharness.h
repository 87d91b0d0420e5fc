#pragma once
// Everything one pipeline test needs, over the bundled demo spec: registry, search (local
// embedder), sandbox executor and a capturing sink, assembled into a BotPipeline (turn loader,
// inbound queue, orchestrator, worker pool) on the given store and clock.
#include "agent/sandboxexecutor.h"
#include "channel/capturingsink.h"
#include "embedding/localembedder.h"
#include "pipeline/botpipeline.h"
#include "pipeline/inboundqueue.h"
#include "registry/registryloader.h"
#include "search/inmemoryusagestats.h"
#include "search/searchengine.h"

#include <QMutex>

#include <functional>

namespace m1 {

class PipelineHarness
{
public:
    // `tweak` adjusts the pipeline's options before it is built (a short claim timeout, ...).
    PipelineHarness(KeyValueStore &store, const Clock &clock, MetricsRegistry &metrics, int workers = 5,
                    const std::function<void(BotPipelineOptions &)> &tweak = {})
        : m_registry(RegistryLoader().load({ QStringLiteral(M1_SOURCE_DIR "/resources/demo/fleet-api.yaml") })),
          m_sandbox(clock)
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
        BotPipelineOptions options;
        options.workers.workers = workers;
        options.workers.pollMs = 5;
        options.croatianCatalogue.clear(); // English phrases, as the assertions expect
        if (tweak)
            tweak(options);
        m_pipeline = std::make_unique<BotPipeline>(
                BotPipelineParts { m_registry, *m_search, store, m_sink, m_sandbox, clock, metrics }, options);
        m_pipeline->setTraceHandler([this](const InboundMessage &m, const TurnTrace &trace) {
            QMutexLocker lock(&m_traceMutex);
            m_traces.append({ m.messageId, trace });
        });
    }

    // The workers stop before the traces their handler appends to (declared later) are gone.
    ~PipelineHarness()
    {
        if (m_pipeline)
            m_pipeline->stop();
    }

    bool ok() const { return m_pipeline != nullptr; }
    QString error() const { return m_error; }
    const Orchestrator &orchestrator() const { return m_pipeline->orchestrator(); }
    BotPipeline &pool() { return *m_pipeline; }
    InboundQueue &queue() { return m_pipeline->queue(); }
    CapturingSink &sink() { return m_sink; }
    TurnLoader &loader() { return m_pipeline->loader(); }
    const ToolRegistry &registry() const { return m_registry; }
    QList<std::pair<QString, TurnTrace>> traces() const
    {
        QMutexLocker lock(&m_traceMutex);
        return m_traces;
    }

private:
    ToolRegistry m_registry;
    LocalEmbedder m_embedder;
    std::unique_ptr<SearchEngine> m_search;
    SandboxExecutor m_sandbox;
    CapturingSink m_sink;
    std::unique_ptr<BotPipeline> m_pipeline;
    mutable QMutex m_traceMutex;
    QList<std::pair<QString, TurnTrace>> m_traces;
    QString m_error;
};

} // namespace m1
