#pragma once

// A tool as an OpenAI "tools" entry: {"type":"function","function":{"name","description",
// "parameters"}}, the parameters a JSON Schema object built from the ToolDefinition (type,
// format, enum, default, description, required). Headers and cookies are left out: the executor
// fills them (idempotency keys, tenants), never the model.

#include "registry/tooldefinition.h"

#include <QJsonObject>

namespace m1 {

class FunctionSchemaBuilder
{
public:
    static constexpr int kMaxDescription = 1'000; // OpenAI rejects function descriptions past 1,024

    static QJsonObject tool(const ToolDefinition &tool, const QString &functionName);
    static QJsonObject parameters(const ToolDefinition &tool);
    static QJsonObject property(const ToolParameter &parameter);
    static bool isOffered(const ToolParameter &parameter);

private:
    static QString description(const ToolDefinition &tool);
};

} // namespace m1
