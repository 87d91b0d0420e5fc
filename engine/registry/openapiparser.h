#pragma once

// OpenAPI 2.0 (Swagger), 3.0 and 3.1 documents to tools: one per operation under `paths`.
// Webhooks and callbacks are not tools (the API calls them, not us). A broken operation,
// parameter or schema is reported where it is and skipped; everything else still loads.

#include "registry/errorcollector.h"
#include "registry/parsedtool.h"
#include "registry/refresolver.h"
#include "registry/schemaflattener.h"
#include "registry/schemainliner.h"

namespace m1 {

class ParameterReader;
class RequestBodyReader;
class ResponseReader;
class ServerUrlResolver;

class OpenApiParser
{
public:
    OpenApiParser(RefResolver &resolver, SchemaNormalizer &normalizer, SchemaFlattener &flattener,
                  SchemaInliner &inliner, ErrorCollector &errors);

    // 2 for `swagger: "2.0"`, 3 for `openapi: 3.x`, 0 otherwise (with the reason in *why).
    static int majorVersion(const QJsonObject &root, QString *why);

    // `root` is the whole document at its document key; `sourceLocation` is the path or URL
    // as the user gave it (it becomes ToolDefinition::source).
    QList<ParsedTool> parse(const Located &root, const QString &sourceLocation);

private:
    struct Scope; // per-document readers, made once per parse()
    void readPathItem(Scope &scope, const Located &item, const QString &path,
                      QList<ParsedTool> *out);
    std::optional<ToolDefinition> readOperation(Scope &scope, const Located &operation,
                                                const Located &pathItem, const QString &method,
                                                const QString &path);
    void readParameters(Scope &scope, const Located &operation, const Located &pathItem,
                        ToolDefinition *tool);
    QStringList readTags(const Located &operation);
    static QString categoryFromPath(const QString &path);

    RefResolver &m_resolver;
    SchemaNormalizer &m_normalizer;
    SchemaFlattener &m_flattener;
    SchemaInliner &m_inliner;
    ErrorCollector &m_errors;
};

} // namespace m1
