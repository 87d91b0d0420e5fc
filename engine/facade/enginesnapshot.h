#pragma once

// Everything the engine derived from its sources at one load: immutable, shared by pointer
// between the engine's workers, the CLI and the console, so readers never lock.

#include "graph/dependencygraph.h"
#include "registry/toolregistry.h"

#include <QMetaType>

#include <memory>

namespace m1 {

struct EngineSnapshot
{
    std::shared_ptr<const ToolRegistry> registry;
    std::shared_ptr<const DependencyGraph> graph;
    double parseMs = 0;
    double graphMs = 0;
};

using EngineSnapshotPtr = std::shared_ptr<const EngineSnapshot>;

} // namespace m1

Q_DECLARE_METATYPE(m1::EngineSnapshotPtr)
