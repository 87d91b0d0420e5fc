#include "facade/snapshotbuilder.h"

#include "core/startupphases.h"
#include "graph/keynormalizer.h"
#include "registry/registryloader.h"

#include <QElapsedTimer>

namespace m1 {

EngineSnapshotPtr SnapshotBuilder::build(const EngineConfig &config, StartupPhases *phases)
{
    auto snapshot = std::make_shared<EngineSnapshot>();

    QElapsedTimer timer;
    timer.start();
    RegistryLoader loader;
    snapshot->registry = std::make_shared<const ToolRegistry>(
        loader.load(config.effectiveSpecSources()));
    snapshot->parseMs = timer.nsecsElapsed() / 1e6;

    timer.restart();
    GraphOptions graphOptions;
    graphOptions.aliases = config.graphAliases;
    graphOptions.readOnlyProviders = config.graphReadOnlyProviders;
    const KeyNormalizer normalizer(config.graphAliases);
    for (const QString &key : config.graphLookupKeys)
        graphOptions.lookupKeys.insert(normalizer.normalize(key));
    snapshot->graph = std::make_shared<const DependencyGraph>(
        DependencyGraph::build(snapshot->registry->tools(), graphOptions));
    snapshot->graphMs = timer.nsecsElapsed() / 1e6;

    if (phases) {
        phases->record(QStringLiteral("parse"), snapshot->parseMs);
        phases->record(QStringLiteral("graph"), snapshot->graphMs);
    }
    return snapshot;
}

} // namespace m1
