#pragma once

// The tools of one load and what went wrong while loading them. An immutable value once the
// loader hands it over: share it as std::shared_ptr<const ToolRegistry> between threads.

#include "registry/loaderror.h"
#include "registry/tooldefinition.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace m1 {

class ToolRegistry
{
public:
    const QList<ToolDefinition> &tools() const { return m_tools; }
    const ToolDefinition *find(const QString &id) const; // O(1) hash lookup
    int indexOf(const QString &id) const; // -1 when absent
    const QList<LoadError> &errors() const { return m_errors; } // warnings + errors of every source
    QStringList sources() const { return m_sources; }
    int size() const { return int(m_tools.size()); }
    int errorCount(LoadError::Severity severity) const;

    // For the loader and for tests/benchmarks that build synthetic registries. Ids are unique:
    // adding a tool with an id already present replaces that tool in place.
    void addTool(ToolDefinition tool);
    void addError(LoadError e);
    void addSource(const QString &s);

private:
    QList<ToolDefinition> m_tools;
    QHash<QString, int> m_index;
    QList<LoadError> m_errors;
    QStringList m_sources;
};

} // namespace m1
