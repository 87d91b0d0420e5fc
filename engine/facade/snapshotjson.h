#pragma once

// The JSON and DOT shapes of the registry and the graph that scripts depend on (DESIGN.md,
// "Command line contracts"). One place, so m1bot and the console export the same thing.

#include "graph/dependencygraph.h"
#include "registry/toolregistry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace m1 {

class SnapshotJson
{
public:
    static QJsonObject tool(const ToolDefinition &tool);
    static QJsonObject loadError(const LoadError &error);
    // {tools, errors, load_ms, sources}
    static QJsonObject registry(const ToolRegistry &registry, double loadMs);
    // {nodes, edges: [{from, to, key, param}], build_ms}
    static QJsonObject graph(const ToolRegistry &registry, const DependencyGraph &graph, double buildMs);
    // Graphviz DOT text: one node per tool, edges labelled with the linking key.
    static QString graphDot(const ToolRegistry &registry, const DependencyGraph &graph);
};

} // namespace m1
