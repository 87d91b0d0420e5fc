#pragma once

// Everything the engine derived from its sources at one load: immutable, shared by pointer
// between the engine's workers, the CLI and the console, so readers never lock.

#include "graph/dependencygraph.h"
#include "registry/toolregistry.h"

#include <QMetaType>
#include <QStringList>

#include <memory>

namespace m1 {

class SearchEngine;

struct EngineSnapshot
{
    std::shared_ptr<const ToolRegistry> registry;
    std::shared_ptr<const DependencyGraph> graph;
    double parseMs = 0;
    double graphMs = 0;
    // The sources as configured (folders not expanded into their files): what a console edits.
    QStringList configuredSources;
    // Tool search over this registry, built by the Engine on its worker; null when it could not
    // be built (searchError says why) or when the snapshot came from SnapshotBuilder alone.
    std::shared_ptr<const SearchEngine> search;
    QString searchError;
    double searchMs = 0;
};

using EngineSnapshotPtr = std::shared_ptr<const EngineSnapshot>;

} // namespace m1

Q_DECLARE_METATYPE(m1::EngineSnapshotPtr)
