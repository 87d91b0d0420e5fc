#include "graph/providerplanner.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <tuple>
#include <utility>
#include <vector>

namespace m1 {

ProviderPlanner::ProviderPlanner(const DependencyGraph &graph)
    : m_graph(graph)
{
}

ProviderPlan ProviderPlanner::plan(int tool, const QSet<QString> &knownParams) const
{
    ProviderPlan result;
    if (tool < 0 || tool >= m_graph.nodeCount())
        return result;
    State state;
    Search search;
    search.target = tool;
    search.onPath.insert(tool);
    for (const QString &known : knownParams) {
        search.knownNames.insert(known);
        state.available.insert(known);
        state.available.insert(m_graph.normalizer().normalize(known));
    }
    // A known parameter of the target also makes its key available to the providers.
    for (const GraphNeed &need : m_graph.needs(tool)) {
        if (knownParams.contains(need.param))
            state.available.insert(need.key);
    }
    search.price = priceProviders(tool, state.available);
    resolveTool(tool, state, search, &result.unresolved);
    result.steps = std::move(state.steps);
    return result;
}

QStringList ProviderPlanner::missingKeys(int tool, const QSet<QString> &available) const
{
    QStringList keys;
    for (const GraphNeed &need : m_graph.needs(tool)) {
        if (!available.contains(need.key) && !keys.contains(need.key))
            keys.append(need.key);
    }
    return keys;
}

QHash<int, int> ProviderPlanner::priceProviders(int target, const QSet<QString> &available) const
{
    // 1. The providers reachable backwards from the target's missing keys, level by level.
    QHash<int, QStringList> missing; // provider → its distinct missing keys
    QSet<QString> seenKeys;
    QStringList frontier;
    for (const QString &key : missingKeys(target, available)) {
        if (!seenKeys.contains(key)) {
            seenKeys.insert(key);
            frontier.append(key);
        }
    }
    for (int depth = 0; depth < kMaxDepth && !frontier.isEmpty(); ++depth) {
        QStringList next;
        for (const QString &key : std::as_const(frontier)) {
            for (int provider : m_graph.providersOfKey(key)) {
                if (provider == target || missing.contains(provider) || missing.size() >= kMaxTools)
                    continue;
                const QStringList keys = missingKeys(provider, available);
                missing.insert(provider, keys);
                for (const QString &k : keys) {
                    if (!seenKeys.contains(k)) {
                        seenKeys.insert(k);
                        next.append(k);
                    }
                }
            }
        }
        frontier = std::move(next);
    }

    // 2. Settle prices cheapest first. A key is settled by the first settled provider of it,
    // which is the cheapest; a provider is priced once all its missing keys are settled.
    QHash<QString, QList<int>> waiting; // key → providers missing it
    QHash<int, int> unsettled;          // provider → missing keys not settled yet
    QHash<int, int> sum;                // provider → price of its settled keys
    using Entry = std::pair<int, int>;  // (price, provider)
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    for (auto it = missing.cbegin(); it != missing.cend(); ++it) {
        unsettled.insert(it.key(), int(it.value().size()));
        if (it.value().isEmpty())
            queue.push({1, it.key()});
        for (const QString &key : it.value())
            waiting[key].append(it.key());
    }
    QHash<int, int> price;
    QSet<QString> settledKeys;
    while (!queue.empty()) {
        const auto [cost, provider] = queue.top();
        queue.pop();
        if (price.contains(provider))
            continue;
        price.insert(provider, cost);
        for (const QString &key : m_graph.providedKeys(provider)) {
            if (settledKeys.contains(key))
                continue;
            settledKeys.insert(key);
            for (int consumer : waiting.value(key)) {
                sum[consumer] += cost;
                if (--unsettled[consumer] == 0)
                    queue.push({1 + sum.value(consumer), consumer});
            }
        }
    }
    return price;
}

int ProviderPlanner::missingCount(int tool, const State &state) const
{
    int count = 0;
    for (const GraphNeed &need : m_graph.needs(tool)) {
        if (!state.available.contains(need.key))
            ++count;
    }
    return count;
}

void ProviderPlanner::addStep(const PlanStep &step, State &state) const
{
    state.steps.append(step);
    for (const QString &key : m_graph.providedKeys(step.tool))
        state.available.insert(key);
}

bool ProviderPlanner::resolveTool(int tool, State &state, Search &search, QStringList *unresolved) const
{
    bool complete = true;
    for (const GraphNeed &need : m_graph.needs(tool)) {
        if (tool == search.target && search.knownNames.contains(need.param))
            continue;
        if (state.available.contains(need.key))
            continue; // known, or provided by a step planned earlier
        if (resolveNeed(tool, need, state, search))
            continue;
        complete = false;
        if (!unresolved)
            return false; // a provider with an unfillable need is no use
        unresolved->append(need.param);
    }
    return complete;
}

bool ProviderPlanner::resolveNeed(int tool, const GraphNeed &need, State &state, Search &search) const
{
    QList<std::tuple<int, int, int>> ranked; // (missing inputs, price, provider)
    for (int candidate : m_graph.providersOfKey(need.key)) {
        if (candidate == tool || search.onPath.contains(candidate))
            continue;
        const int missing = missingCount(candidate, state);
        const auto priced = search.price.constFind(candidate);
        // Unpriced providers are unworkable — unless steps planned since have filled them.
        if (priced != search.price.cend())
            ranked.append({missing, priced.value(), candidate});
        else if (missing == 0)
            ranked.append({0, 1, candidate});
    }
    std::sort(ranked.begin(), ranked.end());
    for (const auto &[missing, cost, candidate] : ranked) {
        if (search.budget <= 0)
            break;
        --search.budget;
        State trial = state; // implicitly shared until the sub-plan changes it
        search.onPath.insert(candidate);
        const bool workable = missing == 0 || resolveTool(candidate, trial, search, nullptr);
        search.onPath.remove(candidate);
        if (!workable)
            continue;
        addStep(PlanStep{candidate, need.key, tool, need.param}, trial);
        state = std::move(trial);
        return true;
    }
    return false;
}

} // namespace m1
