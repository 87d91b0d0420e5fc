#pragma once

// Keeps the arguments a model sent that the tool really takes, typed as the tool wants them:
// known, offered parameters only (never headers or cookies), numbers from numeric strings,
// enum values matched case-insensitively to the spec's spelling, nulls dropped. Everything
// dropped is named in `notes`, so the trace shows what the model got wrong.

#include "registry/tooldefinition.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace m1 {

class LlmArguments
{
public:
    static QJsonObject accept(const ToolDefinition &tool, const QJsonObject &arguments, QStringList *notes);
    // The value as `parameter` wants it; nullopt (and *why) when it cannot be.
    static std::optional<QJsonValue> coerce(const ToolParameter &parameter, const QJsonValue &value, QString *why);
};

} // namespace m1
