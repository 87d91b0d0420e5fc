#include "agent/ruleplanner.h"

#include "registry/toolregistry.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace m1 {

PlanDecision RulePlanner::plan(const PlanRequest &request)
{
    const SearchResult &found = request.search;
    PlanDecision decision;
    decision.source = u"rules"_s;
    const ScoredTool *best = found.best();
    const ToolDefinition *tool = best ? request.registry.find(best->id) : nullptr;
    if (tool && tool->isReadOnly() && IntentClassifier::isWrite(found.intent)) {
        const ToolDefinition *write = writeAlternative(request, *tool);
        if (write != tool)
            decision.notes.append(u"rules: a write was asked for; took %1 over the read tool %2"_s.arg(write->id, tool->id));
        tool = write;
    }
    const bool tie = found.results.size() >= 2 && found.results.at(1).score >= found.results.at(0).score * kTie;
    if (!found.abstain && tool && !tie) {
        decision.kind = PlanDecision::Kind::Tool;
        decision.toolId = tool->id;
        return decision;
    }
    decision.kind = PlanDecision::Kind::Abstain;
    if (found.abstain) {
        decision.offered = found.candidates;
        decision.notes.append(u"rules: search abstained"_s);
        return decision;
    }
    // Search was sure but there is a tie (or its best tool is unknown): offer the tools close
    // to the best.
    for (const ScoredTool &s : found.results) {
        if (s.score >= found.results.at(0).score * kOfferShare)
            decision.offered.append(s);
    }
    if (tie)
        decision.notes.append(u"rules: %1 and %2 scored within 2%"_s.arg(found.results.at(0).id, found.results.at(1).id));
    else
        decision.notes.append(u"rules: the best tool is not in the registry"_s);
    return decision;
}

const ToolDefinition *RulePlanner::writeAlternative(const PlanRequest &request, const ToolDefinition &best)
{
    // The user asked to change something ("book", "report") but a read tool scored first: take
    // the best write tool of the matching method when it is close behind, never a distant one.
    const SearchResult &found = request.search;
    const float bar = found.results.first().score * kWriteCloseEnough;
    for (const ScoredTool &s : found.results) {
        const ToolDefinition *t = request.registry.find(s.id);
        if (!t || t->isReadOnly() || s.score < bar)
            continue;
        // A create targets a collection (POST /pool-bookings), not an existing item's action
        // (POST /pool-bookings/{id}/return), which needs an id the user has not given.
        const bool onCollection = std::none_of(t->parameters.cbegin(), t->parameters.cend(),
                                               [](const ToolParameter &p) {
                                                   return p.required && p.location == ParamLocation::Path;
                                               });
        const bool matches = (found.intent == Intent::Create && t->method == u"POST"_s && onCollection)
                || (found.intent == Intent::Update && (t->method == u"PUT"_s || t->method == u"PATCH"_s))
                || (found.intent == Intent::Delete && t->method == u"DELETE"_s);
        if (matches)
            return t;
    }
    return &best;
}

} // namespace m1
