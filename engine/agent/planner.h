#pragma once

// Chooses what to do with a request once search has ranked the tools. Implementations:
// RulePlanner (the default; offline and deterministic) and LlmPlanner (OpenAI / Azure OpenAI
// function calling, falling back to the rules). plan() is called from several worker threads at
// once and may block up to the planner's time budget, so never call it on the GUI thread.

#include "agent/plandecision.h"
#include "agent/planrequest.h"

namespace m1 {

class Planner
{
public:
    virtual ~Planner() = default;

    virtual QString name() const = 0; // "rules", "llm"
    // How many search results the planner wants to choose from.
    virtual int candidateCount() const { return 5; }
    virtual PlanDecision plan(const PlanRequest &request) = 0;
};

} // namespace m1
