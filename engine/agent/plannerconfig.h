#pragma once

// The engine config's "planner" section: which planner decides (the offline rules, or an LLM
// through OpenAI / Azure OpenAI) and how the LLM is reached. The API key is never read from the
// file (configs get committed and shared): it comes from the environment variable
// M1_LLM_API_KEY when the planner is built.
//
//   "planner": { "kind": "llm", "provider": "azure", "endpoint": "https://NAME.openai.azure.com",
//                "deployment": "gpt-4o-mini", "apiVersion": "2024-06-01", "topK": 5,
//                "timeoutMs": 4000, "budgetMs": 8000, "maxAttempts": 3, "historyMessages": 6 }

#include "agent/llmplanneroptions.h"

#include <QJsonValue>

#include <functional>

namespace m1 {

struct PlannerConfig
{
    enum class Kind { Rules, Llm };
    static constexpr const char *kApiKeyVariable = "M1_LLM_API_KEY";

    Kind kind = Kind::Rules;
    LlmPlannerOptions llm; // apiKey stays empty here

    using ErrorSink = std::function<void(const QString &jsonPointer, const QString &message)>;
    // Reads the section at `pointer` ("/planner"); every problem goes to `error` with the JSON
    // pointer of the offending value. Unknown keys are problems too.
    static PlannerConfig fromJson(const QJsonValue &value, const QString &pointer, const ErrorSink &error);
};

} // namespace m1
