#pragma once

// Tool catalogs that are not OpenAPI: MCP `tools/list` results ({"tools": [{name,
// description, inputSchema}]}, bare or as {"result": {...}}) whose input properties become
// Body parameters, and JSON Lines catalogs ({"id", "name", "description"} per line) where a
// bad line is reported with its number and the other lines still load.

#include "registry/errorcollector.h"
#include "registry/parsedtool.h"
#include "registry/schemaflattener.h"
#include "registry/schemainliner.h"

#include <QByteArray>

namespace m1 {

class CatalogImporter
{
public:
    CatalogImporter(SchemaFlattener &flattener, SchemaInliner &inliner, ErrorCollector &errors);

    QList<ParsedTool> mcpTools(const Located &root, const QString &sourceLocation);
    QList<ParsedTool> jsonLines(const QByteArray &bytes, const QString &documentKey,
                                const QString &sourceLocation);

private:
    std::optional<ToolDefinition> mcpTool(const Located &entry, const QString &sourceLocation);
    std::optional<ToolDefinition> catalogLine(const QByteArray &line, int lineNumber,
                                              const QString &documentKey,
                                              const QString &sourceLocation);

    SchemaFlattener &m_flattener;
    SchemaInliner &m_inliner;
    ErrorCollector &m_errors;
};

} // namespace m1
