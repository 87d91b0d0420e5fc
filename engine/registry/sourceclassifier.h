#pragma once

// Tells by content what a source is: an OpenAPI/Swagger document, an MCP `tools/list`
// result (bare or in its JSON-RPC envelope), or a JSON Lines catalog — and says clearly
// when it is none of them (not JSON/YAML at all, or JSON/YAML of another kind).

#include "registry/documentreader.h"

namespace m1 {

class SourceClassifier
{
public:
    enum class Kind { OpenApi, McpTools, JsonLines, Invalid };

    struct Result
    {
        Kind kind = Kind::Invalid;
        QJsonValue document; // parsed document (not for JsonLines)
        QString error; // why the source is Invalid
    };

    Result classify(const QByteArray &bytes) const;

private:
    static Result ofValue(const QJsonValue &value);
    static bool firstLineIsJsonObject(const QByteArray &bytes);

    DocumentReader m_reader;
};

} // namespace m1
