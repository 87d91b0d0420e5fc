#pragma once

// The part of a DependencyGraph a GraphScope selects, with parallel edges merged: two tools
// linked by several keys become one edge listing them. Selecting walks outwards from the
// focus ring by ring, so the nearest (most strongly linked) neighbours are kept when the node
// limit cuts the rest. The focus keeps all its links; a tool further out keeps only its
// strongest link to the ring before it (a tree), since the links of a dense API among the
// outer tools would turn a 2-hop view into a hairball. Links left out are counted.

#include "graph/graphscope.h"

#include <QList>
#include <QStringList>

namespace m1 {

class DependencyGraph;
class ToolRegistry;

struct SubgraphEdge
{
    int from = -1; // tool indices in the registry
    int to = -1;
    QStringList keys;
};

struct Subgraph
{
    QList<int> nodes; // tool indices; the focus first when there is one
    QList<int> hops;  // hop distance of each node from the focus (0 for every node in "all")
    QList<SubgraphEdge> edges;
    int focus = -1;   // tool index, -1 when every tool is shown
    int hidden = 0;   // neighbours within reach that the node limit left out
    int omittedEdges = 0; // links among the outer rings that are not drawn

    static Subgraph select(const ToolRegistry &registry, const DependencyGraph &graph,
                           const GraphScope &scope);
};

} // namespace m1
