#pragma once

// The default planner: offline and deterministic. It takes search's best tool unless search
// abstained or two tools scored (almost) the same; when the user asked to change something but
// a read tool came first, it prefers a close write tool of the matching method. Otherwise it
// offers the candidates. Holds no state, so it is safe from any thread.

#include "agent/planner.h"

namespace m1 {

struct ToolDefinition;

class RulePlanner final : public Planner
{
public:
    // Two tools within this share of the best score are a coin toss: ask rather than guess.
    static constexpr float kTie = 0.98f;
    // On a tie, tools within this share of the best are offered.
    static constexpr float kOfferShare = 0.9f;
    // A write tool this close to a read tool that came first is taken for a write request.
    static constexpr float kWriteCloseEnough = 0.85f;

    QString name() const override { return QStringLiteral("rules"); }
    PlanDecision plan(const PlanRequest &request) override;

private:
    static const ToolDefinition *writeAlternative(const PlanRequest &request, const ToolDefinition &best);
};

} // namespace m1
