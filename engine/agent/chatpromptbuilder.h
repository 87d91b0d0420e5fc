#pragma once

// The chat completions request for one turn: a short system prompt (what the bot is for, today's
// date, how to answer when no function fits), the recent history, the user's message, and the
// top-k candidate tools as function schemas. Kept apart from the HTTP client so tests can read
// exactly what the model is asked.

#include "agent/functionnames.h"
#include "agent/llmplanneroptions.h"
#include "agent/planrequest.h"

#include <QJsonObject>
#include <QTimeZone>

namespace m1 {

class Clock;

class ChatPromptBuilder
{
public:
    // What the model answers instead of calling a function. The words are for the model, never
    // shown to users.
    static QString noneWord() { return QStringLiteral("NONE"); } // not a request for any function
    static QString askWord() { return QStringLiteral("ASK"); }   // a request, but which one is unclear

    struct Prompt
    {
        QJsonObject body;
        FunctionNames names; // function name → tool id for the offered tools
    };

    ChatPromptBuilder(const LlmPlannerOptions &options, const Clock &clock,
                      QTimeZone zone = QTimeZone(QByteArrayLiteral("Europe/Zagreb")));

    Prompt build(const PlanRequest &request) const;
    QString systemPrompt(const PlanRequest &request) const;

private:
    const LlmPlannerOptions &m_options;
    const Clock &m_clock;
    QTimeZone m_zone;
};

} // namespace m1
