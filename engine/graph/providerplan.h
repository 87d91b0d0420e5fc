#pragma once

// Which tools to call, in which order, to fill a tool's missing required parameters.

#include <QList>
#include <QString>
#include <QStringList>

namespace m1 {

struct PlanStep
{
    int tool = -1;       // the provider to call
    QString providesKey; // the key it was chosen for
    int forTool = -1;    // whose input it fills (the target, or another step's tool)
    QString forParam;    // that input's parameter name

    bool operator==(const PlanStep &) const = default;
};

struct ProviderPlan
{
    // Execution order: a step's own needs are filled by steps before it. A provider is called
    // once even when it fills several needs (steps name the first need it was chosen for).
    QList<PlanStep> steps;
    // The target's required parameters no acyclic chain of providers can fill: ask the user.
    QStringList unresolved;

    bool isComplete() const { return unresolved.isEmpty(); }
};

} // namespace m1
