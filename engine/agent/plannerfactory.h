#pragma once

// Builds the planner an engine config asks for. An LLM planner always wraps a rule planner as
// its fallback. The API key comes from the environment (PlannerConfig::kApiKeyVariable); an
// LLM config without one still gives a working bot: the rule planner, and a warning saying why.

#include "agent/planner.h"
#include "agent/plannerconfig.h"

#include <QProcessEnvironment>

#include <functional>
#include <memory>

namespace m1 {

class Clock;
class MetricsRegistry;
class NetworkClients;

struct PlannerBuild
{
    std::unique_ptr<Planner> planner; // never null
    QString warning;                  // empty when the planner is what the config asked for
};

class PlannerFactory
{
public:
    // network may be null (the LLM planner then keeps its own per-thread managers); it, clock
    // and metrics (may be null; counts the LLM's requests) must outlive the planner.
    static PlannerBuild create(const PlannerConfig &config, const Clock &clock, NetworkClients *network,
                               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                               std::function<double()> uniform = {}, MetricsRegistry *metrics = nullptr);
};

} // namespace m1
