#include "graph/dependencygraph.h"

#include "graph/providerplanner.h"

namespace m1 {

int DependencyGraph::keyId(const QString &key) const
{
    return m_keyIds.value(key, 0) - 1;
}

int DependencyGraph::intern(const QString &key)
{
    // One hash lookup: a new slot starts at 0, so ids are stored plus one.
    int &slot = m_keyIds[key];
    if (slot == 0) {
        m_keys.append(key);
        slot = int(m_keys.size());
    }
    return slot - 1;
}

DependencyGraph DependencyGraph::build(const QList<ToolDefinition> &tools, const GraphOptions &options)
{
    DependencyGraph g;
    g.m_normalizer = KeyNormalizer(options.aliases);
    g.m_options = options;
    const int n = int(tools.size());
    g.m_nodeCount = n;
    g.m_keyIds.reserve(n * 4);

    // 1. What each eligible provider provides, as key ids.
    g.m_providedOffsets.reserve(n + 1);
    for (int i = 0; i < n; ++i) {
        g.m_providedOffsets.append(int(g.m_providedKeys.size()));
        const ToolDefinition &tool = tools.at(i);
        if (options.readOnlyProviders && !tool.isReadOnly())
            continue;
        // Only identifiers are looked up through tools; any other need stays for the user.
        for (const QString &key : g.m_normalizer.providedKeys(tool)) {
            if (options.isLookupKey(key))
                g.m_providedKeys.append(g.intern(key));
        }
    }
    g.m_providedOffsets.append(int(g.m_providedKeys.size()));

    // 2. What each tool needs: its required, tool-providable inputs.
    g.m_needOffsets.reserve(n + 1);
    for (int j = 0; j < n; ++j) {
        g.m_needOffsets.append(int(g.m_needKeys.size()));
        const ToolDefinition &tool = tools.at(j);
        for (const ToolParameter &param : tool.parameters) {
            if (!param.required)
                continue;
            const QString key = g.m_normalizer.inputKey(tool, param);
            if (key.isEmpty())
                continue;
            g.m_needParams.append(param.name);
            g.m_needKeys.append(g.intern(key));
            g.m_needTools.append(j);
        }
    }
    g.m_needOffsets.append(int(g.m_needKeys.size()));

    // 3. The reverse index key → providers, by counting sort (tools stay ascending).
    const qsizetype keyCount = g.m_keys.size();
    g.m_providerOffsets.fill(0, keyCount + 1);
    for (int key : std::as_const(g.m_providedKeys))
        ++g.m_providerOffsets[key + 1];
    for (qsizetype k = 0; k < keyCount; ++k)
        g.m_providerOffsets[k + 1] += g.m_providerOffsets[k];
    g.m_providers.resize(g.m_providedKeys.size());
    {
        QList<int> next(g.m_providerOffsets.cbegin(), g.m_providerOffsets.cend() - 1);
        for (int i = 0; i < n; ++i) {
            for (int at = g.m_providedOffsets[i]; at < g.m_providedOffsets[i + 1]; ++at)
                g.m_providers[next[g.m_providedKeys[at]]++] = i;
        }
    }

    // 4. Edges, one pass over the needs: each need meets exactly its key's providers.
    const qsizetype needCount = g.m_needKeys.size();
    qsizetype expected = 0;
    for (qsizetype ni = 0; ni < needCount; ++ni) {
        const int key = g.m_needKeys[ni];
        expected += g.m_providerOffsets[key + 1] - g.m_providerOffsets[key];
    }
    g.m_edgeFrom.reserve(expected);
    g.m_edgeNeed.reserve(expected);
    g.m_needEdgeOffsets.reserve(needCount + 1);
    for (qsizetype ni = 0; ni < needCount; ++ni) {
        g.m_needEdgeOffsets.append(g.m_edgeFrom.size());
        const int key = g.m_needKeys[ni];
        const int consumer = g.m_needTools[ni];
        for (int at = g.m_providerOffsets[key]; at < g.m_providerOffsets[key + 1]; ++at) {
            const int provider = g.m_providers[at];
            if (provider == consumer)
                continue; // no self-edges: a tool cannot feed its own call
            g.m_edgeFrom.append(provider);
            g.m_edgeNeed.append(int(ni));
        }
    }
    g.m_needEdgeOffsets.append(g.m_edgeFrom.size());

    // 5. Outgoing index by provider, again a counting sort.
    const qsizetype edgeCount = g.m_edgeFrom.size();
    g.m_outOffsets.fill(0, n + 1);
    for (int from : std::as_const(g.m_edgeFrom))
        ++g.m_outOffsets[from + 1];
    for (int i = 0; i < n; ++i)
        g.m_outOffsets[i + 1] += g.m_outOffsets[i];
    g.m_outEdges.resize(edgeCount);
    {
        QList<qsizetype> next(g.m_outOffsets.cbegin(), g.m_outOffsets.cend() - 1);
        for (qsizetype e = 0; e < edgeCount; ++e)
            g.m_outEdges[next[g.m_edgeFrom[e]]++] = e;
    }
    return g;
}

GraphEdge DependencyGraph::edgeAt(qsizetype edge) const
{
    const int need = m_edgeNeed[edge];
    return GraphEdge{m_edgeFrom[edge], m_needTools[need], m_keys[m_needKeys[need]], m_needParams[need]};
}

QList<GraphEdge> DependencyGraph::edges() const
{
    QList<GraphEdge> out;
    out.reserve(edgeCount());
    for (qsizetype e = 0; e < edgeCount(); ++e)
        out.append(edgeAt(e));
    return out;
}

QList<GraphEdge> DependencyGraph::incoming(int tool) const
{
    QList<GraphEdge> out;
    if (!validTool(tool))
        return out;
    const qsizetype begin = m_needEdgeOffsets[m_needOffsets[tool]];
    const qsizetype end = m_needEdgeOffsets[m_needOffsets[tool + 1]];
    out.reserve(end - begin);
    for (qsizetype e = begin; e < end; ++e)
        out.append(edgeAt(e));
    return out;
}

QList<GraphEdge> DependencyGraph::consumers(int tool) const
{
    QList<GraphEdge> out;
    if (!validTool(tool))
        return out;
    out.reserve(m_outOffsets[tool + 1] - m_outOffsets[tool]);
    for (qsizetype at = m_outOffsets[tool]; at < m_outOffsets[tool + 1]; ++at)
        out.append(edgeAt(m_outEdges[at]));
    return out;
}

QList<int> DependencyGraph::providersOfKey(const QString &key) const
{
    int id = keyId(key);
    if (id < 0)
        id = keyId(m_normalizer.normalize(key));
    if (id < 0)
        return {};
    return QList<int>(m_providers.cbegin() + m_providerOffsets[id],
                      m_providers.cbegin() + m_providerOffsets[id + 1]);
}

QList<int> DependencyGraph::providers(int tool, const QString &param) const
{
    if (!validTool(tool))
        return {};
    QString key;
    for (int ni = m_needOffsets[tool]; ni < m_needOffsets[tool + 1]; ++ni) {
        if (m_needParams[ni] == param) {
            key = m_keys[m_needKeys[ni]];
            break;
        }
    }
    QList<int> out = providersOfKey(key.isEmpty() ? param : key);
    out.removeOne(tool);
    return out;
}

QList<GraphNeed> DependencyGraph::needs(int tool) const
{
    QList<GraphNeed> out;
    if (!validTool(tool))
        return out;
    for (int ni = m_needOffsets[tool]; ni < m_needOffsets[tool + 1]; ++ni)
        out.append(GraphNeed{m_needParams[ni], m_keys[m_needKeys[ni]]});
    return out;
}

QStringList DependencyGraph::providedKeys(int tool) const
{
    QStringList out;
    if (!validTool(tool))
        return out;
    for (int at = m_providedOffsets[tool]; at < m_providedOffsets[tool + 1]; ++at)
        out.append(m_keys[m_providedKeys[at]]);
    return out;
}

ProviderPlan DependencyGraph::planFor(int tool, const QSet<QString> &knownParams) const
{
    return ProviderPlanner(*this).plan(tool, knownParams);
}

} // namespace m1
