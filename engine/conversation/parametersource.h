#pragma once

// Where a filled parameter's value came from, so the bot can say "I took the plate from your
// profile" and the console can show it.

#include <QString>

#include <optional>

namespace m1 {

enum class ParameterSource { Message, UserProfile, ProviderTool, UserAnswer, Default };

class ParameterSources
{
public:
    // Stable names in the stored JSON: message, profile, provider, answer, default.
    static QString name(ParameterSource source);
    static std::optional<ParameterSource> fromName(const QString &name);
};

} // namespace m1
