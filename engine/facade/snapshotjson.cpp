#include "facade/snapshotjson.h"

using namespace Qt::StringLiterals;

namespace m1 {
namespace {

QString dotQuoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

QString severityName(LoadError::Severity severity)
{
    return severity == LoadError::Severity::Warning ? QStringLiteral("warning") : QStringLiteral("error");
}

} // namespace

QJsonObject SnapshotJson::tool(const ToolDefinition &tool)
{
    QJsonArray params;
    for (const ToolParameter &p : tool.parameters) {
        QJsonObject param{{u"name"_s, p.name},
                          {u"in"_s, paramLocationName(p.location)},
                          {u"required"_s, p.required},
                          {u"type"_s, p.type}};
        if (!p.format.isEmpty())
            param.insert(u"format"_s, p.format);
        if (!p.enumValues.isEmpty())
            param.insert(u"enum"_s, QJsonArray::fromStringList(p.enumValues));
        if (!p.defaultValue.isUndefined())
            param.insert(u"default"_s, p.defaultValue);
        if (!p.description.isEmpty())
            param.insert(u"description"_s, p.description);
        params.append(param);
    }
    return QJsonObject{{u"id"_s, tool.id},
                       {u"method"_s, tool.method},
                       {u"path"_s, tool.path},
                       {u"summary"_s, tool.summary},
                       {u"description"_s, tool.description},
                       {u"category"_s, tool.category},
                       {u"tags"_s, QJsonArray::fromStringList(tool.tags)},
                       {u"base_url"_s, tool.baseUrl},
                       {u"deprecated"_s, tool.deprecated},
                       {u"source"_s, tool.source},
                       {u"params"_s, params},
                       {u"outputs"_s, QJsonArray::fromStringList(tool.outputKeys)}};
}

QJsonObject SnapshotJson::loadError(const LoadError &error)
{
    return QJsonObject{{u"source"_s, error.source},
                       {u"pointer"_s, error.pointer},
                       {u"message"_s, error.message},
                       {u"severity"_s, severityName(error.severity)}};
}

QJsonObject SnapshotJson::registry(const ToolRegistry &registry, double loadMs)
{
    QJsonArray tools;
    for (const ToolDefinition &t : registry.tools())
        tools.append(tool(t));
    QJsonArray errors;
    for (const LoadError &e : registry.errors())
        errors.append(loadError(e));
    return QJsonObject{{u"tools"_s, tools},
                       {u"errors"_s, errors},
                       {u"sources"_s, QJsonArray::fromStringList(registry.sources())},
                       {u"load_ms"_s, loadMs}};
}

QJsonObject SnapshotJson::graph(const ToolRegistry &registry, const DependencyGraph &graph,
                                double buildMs)
{
    const QList<ToolDefinition> &tools = registry.tools();
    QJsonArray nodes;
    for (const ToolDefinition &t : tools) {
        nodes.append(QJsonObject{{u"id"_s, t.id},
                                 {u"method"_s, t.method},
                                 {u"path"_s, t.path},
                                 {u"category"_s, t.category}});
    }
    QJsonArray edges;
    for (const GraphEdge &e : graph.edges()) {
        edges.append(QJsonObject{{u"from"_s, tools.at(e.from).id},
                                 {u"to"_s, tools.at(e.to).id},
                                 {u"key"_s, e.key},
                                 {u"param"_s, e.param}});
    }
    return QJsonObject{{u"nodes"_s, nodes}, {u"edges"_s, edges}, {u"build_ms"_s, buildMs}};
}

QString SnapshotJson::graphDot(const ToolRegistry &registry, const DependencyGraph &graph)
{
    const QList<ToolDefinition> &tools = registry.tools();
    QString dot;
    dot.reserve(64 * (tools.size() + int(graph.edgeCount())) + 64);
    dot += QStringLiteral("digraph tools {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n");
    for (const ToolDefinition &t : tools)
        dot += u"  " + dotQuoted(t.id) + u" [label=" + dotQuoted(t.method + u' ' + t.path) + u"];\n";
    for (const GraphEdge &e : graph.edges()) {
        dot += u"  " + dotQuoted(tools.at(e.from).id) + u" -> " + dotQuoted(tools.at(e.to).id)
               + u" [label=" + dotQuoted(e.key) + u"];\n";
    }
    dot += QStringLiteral("}\n");
    return dot;
}

} // namespace m1
