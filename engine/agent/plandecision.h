#pragma once

// A planner's answer for one turn: run a tool (with any arguments it read from the message),
// offer candidates because it cannot tell, or "this is not a request for a tool" (thanks,
// small talk). `source` and `notes` go into the turn's trace so the console can show why.

#include "search/searchresult.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace m1 {

struct PlanDecision
{
    enum class Kind { Tool, Abstain, NotToolRequest };

    Kind kind = Kind::Abstain;
    QString toolId;              // Kind::Tool
    QJsonObject arguments;       // Kind::Tool: checked against the tool's parameters
    QList<ScoredTool> offered;   // Kind::Abstain: candidates to offer, best first; may be empty
    QString source;              // "rules", "llm" or "rules-fallback"
    QString fallbackReason;      // why the LLM did not decide (rules-fallback only)
    QStringList notes;           // what happened, one line each
};

} // namespace m1
