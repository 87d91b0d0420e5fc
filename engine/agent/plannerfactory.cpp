#include "agent/plannerfactory.h"

#include "agent/llmplanner.h"
#include "agent/ruleplanner.h"

using namespace Qt::StringLiterals;

namespace m1 {

PlannerBuild PlannerFactory::create(const PlannerConfig &config, const Clock &clock, NetworkClients *network,
                                    const QProcessEnvironment &environment, std::function<double()> uniform,
                                    MetricsRegistry *metrics)
{
    PlannerBuild build;
    if (config.kind == PlannerConfig::Kind::Rules) {
        build.planner = std::make_unique<RulePlanner>();
        return build;
    }
    const QString variable = QLatin1String(PlannerConfig::kApiKeyVariable);
    LlmPlannerOptions options = config.llm;
    options.apiKey = environment.value(variable).trimmed();
    if (options.apiKey.isEmpty()) {
        build.planner = std::make_unique<RulePlanner>();
        build.warning = u"planner: kind \"llm\" needs the API key in the environment variable %1, which is not set; "
                        "using the rule planner"_s.arg(variable);
        return build;
    }
    build.planner = std::make_unique<LlmPlanner>(std::move(options), std::make_unique<RulePlanner>(), clock, network,
                                                 std::move(uniform), metrics);
    return build;
}

} // namespace m1
