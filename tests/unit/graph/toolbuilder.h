#pragma once

// Hand-built ToolDefinitions for the graph tests: terse enough that a test's graph can be read
// at a glance.

#include "registry/tooldefinition.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace m1::test {

inline ToolParameter param(const QString &name, ParamLocation location, bool required = true)
{
    ToolParameter p;
    p.name = name;
    p.location = location;
    p.required = required;
    p.type = QStringLiteral("string");
    return p;
}

inline ToolParameter pathParam(const QString &name)
{
    return param(name, ParamLocation::Path, true);
}

inline ToolParameter queryParam(const QString &name, bool required = true)
{
    return param(name, ParamLocation::Query, required);
}

inline ToolParameter bodyParam(const QString &name, bool required = true)
{
    return param(name, ParamLocation::Body, required);
}

inline ToolParameter headerParam(const QString &name, bool required = true)
{
    return param(name, ParamLocation::Header, required);
}

inline ToolDefinition tool(const QString &id, const QString &method, const QString &path,
                           const QList<ToolParameter> &parameters, const QStringList &outputs)
{
    ToolDefinition t;
    t.id = id;
    t.operationId = id;
    t.method = method;
    t.path = path;
    t.parameters = parameters;
    t.outputKeys = outputs;
    t.summary = id;
    return t;
}

} // namespace m1::test
