#pragma once

// Plans the provider calls that fill a tool's missing required parameters, on a built
// DependencyGraph.
//
// First it prices every provider reachable backwards from the target (up to kMaxDepth hops):
// a provider with nothing missing costs 1 call; otherwise 1 + the cheapest price of a provider
// for each of its missing keys. Prices are settled cheapest first (Knuth's generalisation of
// Dijkstra to AND/OR graphs), so a price only ever builds on cheaper, already settled
// providers: tools that can only be satisfied through a cycle never get a price.
// Then, for each missing need of the target, it picks among the priced providers the one with
// the fewest missing inputs, then the lowest price (≈ fewest hops), then the lowest index, and
// plans that provider's own needs the same way before it (dependencies first). A provider on
// the current chain is never chosen again, and if a choice cannot be completed the next
// candidate is tried (bounded by kBudget), so cycles end. A need without a workable provider
// is left to the user (unresolved). Once a tool is planned every key it provides counts as
// available, so no provider is called twice.

#include "graph/dependencygraph.h"
#include "graph/providerplan.h"

#include <QHash>
#include <QSet>

namespace m1 {

class ProviderPlanner
{
public:
    static constexpr int kMaxDepth = 8;        // hops from the target that are considered
    static constexpr int kMaxTools = 50'000;   // providers priced per plan
    static constexpr int kBudget = 2'000;      // candidate attempts per plan

    explicit ProviderPlanner(const DependencyGraph &graph);
    ProviderPlan plan(int tool, const QSet<QString> &knownParams) const;

private:
    struct State
    {
        QSet<QString> available; // keys known or provided by planned steps
        QList<PlanStep> steps;
    };
    struct Search
    {
        int target = -1;
        QSet<QString> knownNames; // the target's parameter names given as known
        QSet<int> onPath;
        QHash<int, int> price;    // provider → calls to satisfy it (absent: not workable)
        int budget = kBudget;
    };

    QHash<int, int> priceProviders(int target, const QSet<QString> &available) const;
    QStringList missingKeys(int tool, const QSet<QString> &available) const;
    bool resolveTool(int tool, State &state, Search &search, QStringList *unresolved) const;
    bool resolveNeed(int tool, const GraphNeed &need, State &state, Search &search) const;
    int missingCount(int tool, const State &state) const;
    void addStep(const PlanStep &step, State &state) const;

    const DependencyGraph &m_graph;
};

} // namespace m1
