#include "graph/subgraph.h"

#include "graph/dependencygraph.h"
#include "registry/toolregistry.h"

#include <QHash>

#include <algorithm>

namespace m1 {
namespace {

quint64 pairKey(int from, int to)
{
    return (quint64(quint32(from)) << 32) | quint32(to);
}

// Adds key to the merged edge from → to, creating it on first sight.
void addEdge(QList<SubgraphEdge> &edges, QHash<quint64, qsizetype> &index, int from, int to,
             const QString &key)
{
    const quint64 k = pairKey(from, to);
    auto it = index.constFind(k);
    if (it == index.constEnd()) {
        index.insert(k, edges.size());
        edges.append(SubgraphEdge{from, to, {key}});
        return;
    }
    QStringList &keys = edges[*it].keys;
    if (!keys.contains(key))
        keys.append(key);
}

struct Neighbour
{
    int tool;
    int links; // edges to the ring it was reached from: a stronger tie is kept first
};

} // namespace

Subgraph Subgraph::select(const ToolRegistry &registry, const DependencyGraph &graph,
                          const GraphScope &scope)
{
    Subgraph out;
    QHash<quint64, qsizetype> edgeIndex;
    const int focus = scope.focusId.isEmpty() ? -1 : registry.indexOf(scope.focusId);
    if (scope.allTools || focus < 0) {
        for (int i = 0; i < graph.nodeCount(); ++i) {
            out.nodes.append(i);
            out.hops.append(0);
        }
        for (const GraphEdge &e : graph.edges())
            addEdge(out.edges, edgeIndex, e.from, e.to, e.key);
        return out;
    }

    out.focus = focus;
    QHash<int, int> hopOf{{focus, 0}};
    out.nodes.append(focus);
    out.hops.append(0);
    QList<int> ring{focus};
    const bool upstream = scope.direction != GraphScope::Direction::Consumers;
    const bool downstream = scope.direction != GraphScope::Direction::Providers;
    const int maxNodes = std::max(1, scope.maxNodes);

    for (int hop = 1; hop <= scope.hops && !ring.isEmpty(); ++hop) {
        // Everything reachable from this ring, with how many links lead to it.
        QHash<int, int> reached;
        QList<GraphEdge> walked;
        for (int tool : std::as_const(ring)) {
            if (upstream) {
                for (const GraphEdge &e : graph.incoming(tool)) {
                    walked.append(e);
                    if (!hopOf.contains(e.from))
                        ++reached[e.from];
                }
            }
            if (downstream) {
                for (const GraphEdge &e : graph.consumers(tool)) {
                    walked.append(e);
                    if (!hopOf.contains(e.to))
                        ++reached[e.to];
                }
            }
        }
        QList<Neighbour> candidates;
        candidates.reserve(reached.size());
        for (auto it = reached.cbegin(); it != reached.cend(); ++it)
            candidates.append(Neighbour{it.key(), it.value()});
        std::sort(candidates.begin(), candidates.end(), [&](const Neighbour &a, const Neighbour &b) {
            if (a.links != b.links)
                return a.links > b.links;
            return registry.tools().at(a.tool).id < registry.tools().at(b.tool).id;
        });
        QList<int> next;
        for (const Neighbour &n : std::as_const(candidates)) {
            if (out.nodes.size() >= maxNodes) {
                ++out.hidden;
                continue;
            }
            hopOf.insert(n.tool, hop);
            out.nodes.append(n.tool);
            out.hops.append(hop);
            next.append(n.tool);
        }
        // The focus keeps every link. A tool further out keeps one: to the tool of the ring
        // before it that it shares the most keys with. Everything else is what turns a
        // two-hop view of a dense API into a hairball; it is counted, not drawn.
        QList<SubgraphEdge> links;
        QHash<quint64, qsizetype> linkIndex;
        for (const GraphEdge &e : std::as_const(walked)) {
            const int fromHop = hopOf.value(e.from, -1);
            const int toHop = hopOf.value(e.to, -1);
            // Links between this ring and the one before it; older links were drawn already.
            if (fromHop < 0 || toHop < 0 || std::max(fromHop, toHop) != hop || qAbs(fromHop - toHop) != 1)
                continue;
            addEdge(links, linkIndex, e.from, e.to, e.key);
        }
        QHash<int, qsizetype> best; // new tool → its strongest link
        for (qsizetype i = 0; i < links.size(); ++i) {
            const SubgraphEdge &link = links.at(i);
            if (hop == 1) {
                for (const QString &key : link.keys)
                    addEdge(out.edges, edgeIndex, link.from, link.to, key);
                continue;
            }
            const int outer = hopOf.value(link.from) == hop ? link.from : link.to;
            auto it = best.find(outer);
            if (it == best.end()) {
                best.insert(outer, i);
                continue;
            }
            ++out.omittedEdges;
            const SubgraphEdge &held = links.at(*it);
            const int inner = outer == link.from ? link.to : link.from;
            const int heldInner = outer == held.from ? held.to : held.from;
            if (link.keys.size() > held.keys.size()
                || (link.keys.size() == held.keys.size()
                    && registry.tools().at(inner).id < registry.tools().at(heldInner).id))
                *it = i;
        }
        for (qsizetype i : std::as_const(best)) {
            for (const QString &key : links.at(i).keys)
                addEdge(out.edges, edgeIndex, links.at(i).from, links.at(i).to, key);
        }
        ring = next;
    }
    return out;
}

} // namespace m1
