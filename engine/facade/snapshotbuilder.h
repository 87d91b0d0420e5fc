#pragma once

// Builds an EngineSnapshot from a configuration: parse every source, then link the graph.
// Runs wherever it is called; the Engine calls it on a worker, the CLI before its event loop.

#include "facade/engineconfig.h"
#include "facade/enginesnapshot.h"

namespace m1 {

class StartupPhases;

class SnapshotBuilder
{
public:
    // phases may be null; when given, "parse" and "graph" are recorded into it.
    static EngineSnapshotPtr build(const EngineConfig &config, StartupPhases *phases = nullptr);
};

} // namespace m1
