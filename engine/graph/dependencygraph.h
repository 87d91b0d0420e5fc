#pragma once

// Which tool can feed which: an edge A→B labelled k when an output of A, normalised to key k,
// satisfies a required input of B (see KeyNormalizer for the rules). Built through a reverse
// index key → providers, so the work is linear in the number of parameters and outputs plus
// the number of edges produced — tools are never compared pairwise. Edges are stored in
// compressed arrays (incoming grouped by consumer and need, outgoing as an index by provider).
//
// An immutable value once built: share it between threads freely (the engine keeps it in a
// shared_ptr<const DependencyGraph>). Tools are referred to by their index in the list given to
// build(); out-of-range indices give empty answers.

#include "graph/graphedge.h"
#include "graph/graphoptions.h"
#include "graph/keynormalizer.h"
#include "graph/providerplan.h"
#include "registry/tooldefinition.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace m1 {

class DependencyGraph
{
public:
    DependencyGraph() = default;
    static DependencyGraph build(const QList<ToolDefinition> &tools, const GraphOptions &options = {});

    int nodeCount() const { return m_nodeCount; }
    qsizetype edgeCount() const { return m_edgeFrom.size(); }
    // Grouped by consumer, then by its needs in parameter order, then provider index.
    QList<GraphEdge> edges() const;

    // Tools that can provide `param` of `tool`: `param` is one of its required parameter names,
    // or else taken as a key (normalised here). Ascending, never `tool` itself.
    QList<int> providers(int tool, const QString &param) const;
    // Tools whose outputs provide `key` (normalised here), ascending.
    QList<int> providersOfKey(const QString &key) const;
    QList<GraphEdge> consumers(int tool) const; // outgoing edges
    QList<GraphEdge> incoming(int tool) const;

    // The required inputs of `tool` that other tools could provide (headers and cookies never).
    QList<GraphNeed> needs(int tool) const;
    // The keys `tool` provides; empty for a tool that may not be a provider.
    QStringList providedKeys(int tool) const;

    // Providers to call, in order, for `tool`'s missing required parameters. `knownParams`
    // holds parameter names of `tool` or normalised keys that are already filled (from the
    // message, the user's profile, an earlier turn). See ProviderPlanner for the choice rules.
    ProviderPlan planFor(int tool, const QSet<QString> &knownParams = {}) const;

    const KeyNormalizer &normalizer() const { return m_normalizer; }
    const GraphOptions &options() const { return m_options; }
    // Distinct keys seen (provided or needed), for the console's statistics.
    qsizetype keyCount() const { return m_keys.size(); }

private:
    int keyId(const QString &key) const; // -1 when unknown
    int intern(const QString &key);
    bool validTool(int tool) const { return tool >= 0 && tool < m_nodeCount; }
    GraphEdge edgeAt(qsizetype edge) const;

    KeyNormalizer m_normalizer;
    GraphOptions m_options;
    int m_nodeCount = 0;

    QStringList m_keys;         // key id → key
    QHash<QString, int> m_keyIds; // key → id + 1

    QList<int> m_providerOffsets; // by key id (size keys + 1) into m_providers
    QList<int> m_providers;       // tool indices, ascending within a key
    QList<int> m_providedOffsets; // by tool (size n + 1) into m_providedKeys
    QList<int> m_providedKeys;    // key ids

    QList<int> m_needOffsets;     // by tool (size n + 1) into the need arrays
    QStringList m_needParams;
    QList<int> m_needKeys;
    QList<int> m_needTools;

    QList<qsizetype> m_needEdgeOffsets; // by need (size needs + 1) into the edge arrays
    QList<int> m_edgeFrom;
    QList<int> m_edgeNeed;
    QList<qsizetype> m_outOffsets;      // by tool (size n + 1) into m_outEdges
    QList<qsizetype> m_outEdges;        // edge indices, grouped by provider
};

} // namespace m1
