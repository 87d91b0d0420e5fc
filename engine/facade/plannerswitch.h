#pragma once

// The planner an engine runs, switchable while it runs: one stable Planner (a SwappablePlanner)
// for every pipeline to point at, and apply() to build another from a "planner" section and a
// key. A section that is invalid, or an LLM without its key, is refused with a reason and the
// running planner stays.

#include "agent/plannerconfig.h"

#include <QJsonObject>
#include <QString>

#include <memory>

namespace m1 {

class Clock;
class MetricsRegistry;
class NetworkClients;
class Planner;
class SwappablePlanner;

class PlannerSwitch
{
public:
    // Starts with what `config` says (the rules when an LLM has no key: error() says so).
    // clock and metrics must outlive this; so must the lanes that plan, which this outlives.
    PlannerSwitch(const PlannerConfig &config, const QString &apiKey, const Clock &clock, MetricsRegistry &metrics);
    ~PlannerSwitch();
    PlannerSwitch(const PlannerSwitch &) = delete;
    PlannerSwitch &operator=(const PlannerSwitch &) = delete;

    // For the pipelines: always the same object, planning with the planner in force.
    Planner *planner() const;
    // Builds the planner `section` describes (PlannerConfig keys) with `apiKey` (empty: the
    // environment's M1_LLM_API_KEY) and switches to it; false when refused (see error()).
    bool apply(const QJsonObject &section, const QString &apiKey);

    QString name() const;                      // "rules", "llm"
    QString model() const { return m_model; }  // "openai gpt-4o-mini" while an LLM plans
    QString error() const { return m_error; }  // why the last request was refused; "" when it took

private:
    const Clock &m_clock;
    MetricsRegistry &m_metrics;
    // The LLM planner's per-thread network managers: outlive every planner built here.
    std::unique_ptr<NetworkClients> m_network;
    std::shared_ptr<SwappablePlanner> m_planner;
    QString m_model;
    QString m_error;
};

} // namespace m1
