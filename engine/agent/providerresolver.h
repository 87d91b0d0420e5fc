#pragma once

// Fills a missing parameter by calling a read-only tool that provides it, as the dependency
// graph says (listVehicles provides the vehicleId getVehicleMileage needs). Among the graph's
// providers it takes one that can be called with what the turn already has — the profile
// (person id, default vehicle), the values filled so far (matched by normalised key), the plate
// the user wrote — preferring one that uses what the user said, then one scoped to the caller
// (/me/...), then the one needing least. Exactly one call, one hop: a provider that would
// itself need another provider is not used (the user is asked instead). The answer's values
// for the key are read along the provider's output path: one value fills the parameter,
// several become list rows for the user to pick from.
//
// Stateless apart from its references; lookup() blocks on the executor's future, so call it
// on a worker thread, like the orchestrator.

#include "agent/providerlookup.h"

#include <optional>

namespace m1 {

class DependencyGraph;
class ParameterFiller;
class ToolExecutor;
class ToolRegistry;
struct ToolDefinition;
struct ToolParameter;

class ProviderResolver
{
public:
    ProviderResolver(const ToolRegistry &registry, const DependencyGraph &graph, const ParameterFiller &filler,
                     ToolExecutor &executor);

    // Whether the graph was built from this registry's tools (indices line up).
    bool matchesRegistry() const;
    ProviderLookup lookup(const ToolDefinition &tool, const QString &param, const ProviderInputs &inputs) const;

    // The path of `provider`'s output that provides `key` (the shortest when several do).
    QString outputPathFor(const ToolDefinition &provider, const QString &key) const;

private:
    struct Candidate
    {
        const ToolDefinition *tool = nullptr;
        QJsonObject arguments;
        int rank = 0;     // higher: more specific to this user and message
        int required = 0; // required inputs of the provider
        int index = 0;    // in the registry
    };
    std::optional<Candidate> prepare(const ToolDefinition &target, const ToolDefinition &provider, int index,
                                     const ProviderInputs &inputs, const QString &key, QString *missing) const;
    QString keyOf(const ToolDefinition &tool, const QString &param) const;

    const ToolRegistry &m_registry;
    const DependencyGraph &m_graph;
    const ParameterFiller &m_filler;
    ToolExecutor &m_executor;
};

} // namespace m1
