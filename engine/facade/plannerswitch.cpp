#include "facade/plannerswitch.h"

#include "agent/plannerfactory.h"
#include "core/logcategories.h"
#include "facade/swappableplanner.h"
#include "net/networkclients.h"

#include <QDebug>
#include <QProcessEnvironment>

namespace m1 {
namespace {

// The environment the planner factory reads its key from, with a key the front handed over.
QProcessEnvironment environmentWith(const QString &apiKey)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!apiKey.isEmpty())
        environment.insert(QLatin1String(PlannerConfig::kApiKeyVariable), apiKey);
    return environment;
}

// "openai gpt-4o-mini" for an LLM planner, "" for the rules.
QString modelOf(const PlannerConfig &config, const Planner &planner)
{
    if (planner.name() != u"llm")
        return {};
    return config.llm.providerName() + u' ' + config.llm.modelName();
}

} // namespace

PlannerSwitch::PlannerSwitch(const PlannerConfig &config, const QString &apiKey, const Clock &clock,
                             MetricsRegistry &metrics)
    : m_clock(clock), m_metrics(metrics), m_network(std::make_unique<NetworkClients>())
{
    PlannerBuild build = PlannerFactory::create(config, m_clock, m_network.get(), environmentWith(apiKey), {}, &m_metrics);
    m_error = build.warning;
    m_model = modelOf(config, *build.planner);
    m_planner = std::make_shared<SwappablePlanner>(std::move(build.planner));
}

PlannerSwitch::~PlannerSwitch() = default;

Planner *PlannerSwitch::planner() const
{
    return m_planner.get();
}

QString PlannerSwitch::name() const
{
    return m_planner->name();
}

bool PlannerSwitch::apply(const QJsonObject &section, const QString &apiKey)
{
    QStringList problems;
    const PlannerConfig config = PlannerConfig::fromJson(
        section, QStringLiteral("/planner"),
        [&problems](const QString &pointer, const QString &message) { problems.append(pointer + u": " + message); });
    const QString keeping = QStringLiteral("; still planning with the %1").arg(name());
    if (problems.isEmpty() && config.kind == PlannerConfig::Kind::Llm && apiKey.isEmpty()
        && qEnvironmentVariableIsEmpty(PlannerConfig::kApiKeyVariable))
        problems.append(QStringLiteral("the LLM planner has no API key (none in the settings, and %1 is not set)")
                            .arg(QLatin1String(PlannerConfig::kApiKeyVariable)));
    if (!problems.isEmpty()) {
        m_error = QStringLiteral("the planner settings were not applied: ") + problems.join(QStringLiteral("; "))
            + keeping;
        qCWarning(lcEngine).noquote() << m_error;
        return false;
    }
    PlannerBuild build
        = PlannerFactory::create(config, m_clock, m_network.get(), environmentWith(apiKey), {}, &m_metrics);
    if (!build.warning.isEmpty()) {
        m_error = build.warning + keeping;
        qCWarning(lcEngine).noquote() << m_error;
        return false;
    }
    m_error.clear();
    m_model = modelOf(config, *build.planner);
    qCInfo(lcEngine).noquote() << "planner now" << build.planner->name() << m_model;
    m_planner->set(std::move(build.planner));
    return true;
}

} // namespace m1
