#include "registry/toolregistry.h"

namespace m1 {

const ToolDefinition *ToolRegistry::find(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_tools[*it];
}

int ToolRegistry::indexOf(const QString &id) const
{
    return m_index.value(id, -1);
}

int ToolRegistry::errorCount(LoadError::Severity severity) const
{
    int n = 0;
    for (const LoadError &e : m_errors)
        n += e.severity == severity ? 1 : 0;
    return n;
}

void ToolRegistry::addTool(ToolDefinition tool)
{
    const auto it = m_index.constFind(tool.id);
    if (it != m_index.constEnd()) {
        m_tools[*it] = std::move(tool);
        return;
    }
    m_index.insert(tool.id, int(m_tools.size()));
    m_tools.append(std::move(tool));
}

void ToolRegistry::addError(LoadError e)
{
    m_errors.append(std::move(e));
}

void ToolRegistry::addSource(const QString &s)
{
    if (!m_sources.contains(s))
        m_sources.append(s);
}

} // namespace m1
