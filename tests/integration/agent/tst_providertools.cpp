// Provider tools in turns: a missing identifier is looked up through the read-only tool the
// dependency graph names. One value fills the parameter silently (trace "provider:<id>"),
// several become a list the user picks from (the tapped row fills it), none means asking as
// before. Hand-made tools and a scripted executor make every case exact; the last case runs
// the bundled demo spec through the sandbox executor and the rule planner.
#include "agentworld.h"

#include "agent/providerrows.h"
#include "agent/sandboxexecutor.h"
#include "agent/textlimits.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;
using namespace m1::test;

namespace {

ToolParameter param(const QString &name, ParamLocation in, bool required, const QString &type = u"string"_s)
{
    ToolParameter p;
    p.name = name;
    p.location = in;
    p.required = required;
    p.type = type;
    return p;
}

ToolRegistry fleetTools()
{
    ToolRegistry registry;
    ToolDefinition mileage;
    mileage.id = u"getVehicleMileage"_s;
    mileage.method = u"GET"_s;
    mileage.path = u"/vehicles/{vehicleId}/mileage"_s;
    mileage.summary = u"Current mileage of a vehicle"_s;
    mileage.parameters = { param(u"vehicleId"_s, ParamLocation::Path, true) };
    mileage.outputKeys = { u"mileageKm"_s, u"readAt"_s };
    registry.addTool(mileage);

    ToolDefinition list;
    list.id = u"listVehicles"_s;
    list.method = u"GET"_s;
    list.path = u"/vehicles"_s;
    list.summary = u"Fleet vehicles"_s;
    list.parameters = { param(u"licencePlate"_s, ParamLocation::Query, false), param(u"status"_s, ParamLocation::Query, false) };
    list.outputKeys = { u"items"_s, u"items.id"_s, u"items.licencePlate"_s, u"items.make"_s, u"items.model"_s, u"total"_s };
    registry.addTool(list);

    ToolDefinition damage;
    damage.id = u"reportDamage"_s;
    damage.method = u"POST"_s;
    damage.path = u"/damage-reports"_s;
    damage.summary = u"Report damage to a vehicle"_s;
    damage.requestContentType = u"application/json"_s;
    damage.parameters = { param(u"vehicleId"_s, ParamLocation::Body, true), param(u"description"_s, ParamLocation::Body, true) };
    damage.outputKeys = { u"id"_s, u"status"_s };
    registry.addTool(damage);

    ToolDefinition locations;
    locations.id = u"listLocations"_s;
    locations.method = u"GET"_s;
    locations.path = u"/locations"_s;
    locations.summary = u"Branches and depots"_s;
    locations.outputKeys = { u"items"_s, u"items.id"_s, u"items.name"_s, u"items.city"_s };
    registry.addTool(locations);

    ToolDefinition move;
    move.id = u"moveVehicle"_s;
    move.method = u"POST"_s;
    move.path = u"/vehicle-transfers"_s;
    move.summary = u"Move a vehicle to another location"_s;
    move.requestContentType = u"application/json"_s;
    move.parameters = { param(u"vehicleId"_s, ParamLocation::Body, true), param(u"locationId"_s, ParamLocation::Body, true) };
    move.outputKeys = { u"transferId"_s };
    registry.addTool(move);
    return registry;
}

QJsonObject vehicles(int count)
{
    static const QStringList makes { u"Škoda"_s, u"Volkswagen"_s, u"Renault"_s };
    QJsonArray items;
    for (int i = 1; i <= count; ++i) {
        items.append(QJsonObject { { u"id"_s, u"veh_%1"_s.arg(i) },
                                   { u"licencePlate"_s, u"ZG-%1-AB"_s.arg(1000 + i) },
                                   { u"make"_s, makes.at(i % makes.size()) },
                                   { u"model"_s, u"Model with a rather long commercial name number %1"_s.arg(i) } });
    }
    return QJsonObject { { u"items"_s, items }, { u"total"_s, count } };
}

QString sourceOf(const TurnTrace &trace, const QString &name)
{
    for (const TurnTrace::Parameter &p : trace.parameters) {
        if (p.name == name)
            return p.source;
    }
    return {};
}

} // namespace

class TestProviderTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_world = std::make_unique<AgentWorld>(fleetTools());
        QVERIFY2(m_world->search, qPrintable(m_world->error));
        m_executor = std::make_unique<ScriptedExecutor>();
        m_executor->answer(u"getVehicleMileage"_s, QJsonObject { { u"mileageKm"_s, 48210 } });
        m_planner.next = ScriptedPlanner::tool(u"getVehicleMileage"_s);
    }

    void graphLinksTheTools()
    {
        const QList<int> providers = m_world->graph.providers(m_world->registry.indexOf(u"getVehicleMileage"_s), u"vehicleId"_s);
        QCOMPARE(providers, QList<int>({ m_world->registry.indexOf(u"listVehicles"_s) }));
    }

    void oneResultFillsSilently()
    {
        m_executor->answer(u"listVehicles"_s, vehicles(1));
        const auto orchestrator = m_world->orchestrator(*m_executor, &m_planner, true);
        ConversationSession session = m_world->session();
        const TurnOutcome out = orchestrator->run(session, AgentWorld::text(u"how many km does my car have"_s),
                                                  AgentWorld::profile());
        qInfo().noquote() << QJsonDocument(out.trace.toJson()).toJson(QJsonDocument::Compact);
        QCOMPARE(m_executor->calledIds(), QStringList({ u"listVehicles"_s, u"getVehicleMileage"_s }));
        QCOMPARE(m_executor->calls().at(1).arguments.value(u"vehicleId"_s).toString(), u"veh_1"_s);
        QCOMPARE(out.trace.action, u"execute"_s);
        QCOMPARE(sourceOf(out.trace, u"vehicleId"_s), u"provider:listVehicles"_s);
        QVERIFY(out.trace.question.isEmpty());
        QCOMPARE(out.replies.size(), 1);
        QCOMPARE(out.replies.first().kind, OutboundMessage::Kind::Text);
        QCOMPARE(session.state().phase, ConversationPhase::Idle);
    }

    void severalResultsAskAListAndTheTappedRowFills()
    {
        m_executor->answer(u"listVehicles"_s, vehicles(12));
        const auto orchestrator = m_world->orchestrator(*m_executor, &m_planner, true);
        ConversationSession session = m_world->session();
        TurnOutcome out = orchestrator->run(session, AgentWorld::text(u"how many km does my car have"_s),
                                            AgentWorld::profile());
        QCOMPARE(m_executor->calledIds(), QStringList({ u"listVehicles"_s }));
        QCOMPARE(out.trace.question, u"vehicleId"_s);
        QCOMPARE(out.trace.phaseAfter, u"collecting"_s);
        QCOMPARE(out.replies.size(), 1);
        const OutboundMessage &list = out.replies.first();
        QCOMPARE(list.kind, OutboundMessage::Kind::List);
        QCOMPARE(list.list.sections.size(), 1);
        const QList<OutboundMessage::Row> rows = list.list.sections.first().rows;
        QCOMPARE(rows.size(), 10);
        for (const OutboundMessage::Row &row : rows) {
            QVERIFY2(row.title.size() <= TextLimits::kRowTitle, qPrintable(row.title));
            QVERIFY2(row.description.size() <= TextLimits::kRowDescription, qPrintable(row.description));
            QVERIFY(row.id.size() <= 200);
        }
        QCOMPARE(rows.at(2).title, u"ZG-1003-AB"_s);
        QVERIFY2(rows.at(2).description.startsWith(u"Škoda"_s), qPrintable(rows.at(2).description));
        QVERIFY2(list.text.contains(u"Not in the list? Just write it."_s), qPrintable(list.text)); // 12 > 10
        const auto pick = ProviderRows::parseRowId(rows.at(2).id);
        QVERIFY(pick);
        QCOMPARE(pick->providerId, u"listVehicles"_s);
        QCOMPARE(pick->param, u"vehicleId"_s);

        out = orchestrator->run(session, AgentWorld::listReply(rows.at(2).id, rows.at(2).title), AgentWorld::profile());
        qInfo().noquote() << QJsonDocument(out.trace.toJson()).toJson(QJsonDocument::Compact);
        QCOMPARE(m_executor->calledIds(), QStringList({ u"listVehicles"_s, u"getVehicleMileage"_s }));
        QCOMPARE(m_executor->calls().last().arguments.value(u"vehicleId"_s).toString(), u"veh_3"_s);
        QCOMPARE(out.trace.action, u"execute"_s);
        QCOMPARE(sourceOf(out.trace, u"vehicleId"_s), u"provider:listVehicles"_s);
        QCOMPARE(session.state().phase, ConversationPhase::Idle);
    }

    void twoResultsStillMakeAList()
    {
        m_executor->answer(u"listVehicles"_s, vehicles(2));
        const auto orchestrator = m_world->orchestrator(*m_executor, &m_planner, true);
        ConversationSession session = m_world->session();
        const TurnOutcome out = orchestrator->run(session, AgentWorld::text(u"km on my car"_s), AgentWorld::profile());
        QCOMPARE(out.replies.size(), 1);
        QCOMPARE(out.replies.first().kind, OutboundMessage::Kind::List);
        QCOMPARE(out.replies.first().list.sections.first().rows.size(), 2);
        QVERIFY(!out.replies.first().text.contains(u"Not in the list"_s));
    }

    void noResultAsksAsBefore()
    {
        m_executor->answer(u"listVehicles"_s, vehicles(0));
        const auto withGraph = m_world->orchestrator(*m_executor, &m_planner, true);
        ConversationSession session = m_world->session();
        const TurnOutcome out = withGraph->run(session, AgentWorld::text(u"how many km does my car have"_s),
                                               AgentWorld::profile());
        QCOMPARE(m_executor->calledIds(), QStringList({ u"listVehicles"_s }));
        QCOMPARE(out.trace.question, u"vehicleId"_s);
        QVERIFY2(out.trace.notes.join(u'\n').contains(u"listVehicles returned no vehicle_id"_s),
                 qPrintable(out.trace.notes.join(u'\n')));

        // Exactly the question the bot asks without any graph.
        ScriptedExecutor idle;
        const auto withoutGraph = m_world->orchestrator(idle, &m_planner, false);
        ConversationSession other = m_world->session();
        const TurnOutcome plain = withoutGraph->run(other, AgentWorld::text(u"how many km does my car have"_s),
                                                    AgentWorld::profile());
        QVERIFY(idle.calls().isEmpty());
        QCOMPARE(plain.trace.question, u"vehicleId"_s);
        QCOMPARE(plain.replies.size(), 1);
        QCOMPARE(out.replies.first().text, plain.replies.first().text);
        QCOMPARE(out.replies.first().kind, plain.replies.first().kind);
    }

    void failingProviderAsksTheUser()
    {
        // No answer scripted for listVehicles: the executor fails it.
        const auto orchestrator = m_world->orchestrator(*m_executor, &m_planner, true);
        ConversationSession session = m_world->session();
        const TurnOutcome out = orchestrator->run(session, AgentWorld::text(u"how many km does my car have"_s),
                                                  AgentWorld::profile());
        QCOMPARE(m_executor->calledIds(), QStringList({ u"listVehicles"_s }));
        QCOMPARE(out.trace.question, u"vehicleId"_s);
        QVERIFY(out.trace.notes.join(u'\n').contains(u"listVehicles failed"_s));
    }

    void typedAnswerInsteadOfATapIsTakenAsIs()
    {
        m_executor->answer(u"listVehicles"_s, vehicles(4));
        const auto orchestrator = m_world->orchestrator(*m_executor, &m_planner, true);
        ConversationSession session = m_world->session();
        orchestrator->run(session, AgentWorld::text(u"km on my car"_s), AgentWorld::profile());
        QCOMPARE(m_executor->calls().size(), 1);
        const TurnOutcome out = orchestrator->run(session, AgentWorld::text(u"veh_7"_s), AgentWorld::profile());
        QCOMPARE(m_executor->calledIds(), QStringList({ u"listVehicles"_s, u"getVehicleMileage"_s }));
        QCOMPARE(m_executor->calls().last().arguments.value(u"vehicleId"_s).toString(), u"veh_7"_s);
        QCOMPARE(sourceOf(out.trace, u"vehicleId"_s), u"answer"_s);
    }

    void eachMissingParameterGetsOneLookup()
    {
        // vehicleId is found silently, then locationId needs a pick: two calls, one per parameter.
        m_executor->answer(u"listVehicles"_s, vehicles(1));
        m_executor->answer(u"listLocations"_s, QJsonObject { { u"items"_s, QJsonArray {
                QJsonObject { { u"id"_s, u"loc_zg01"_s }, { u"name"_s, u"Zagreb HQ"_s }, { u"city"_s, u"Zagreb"_s } },
                QJsonObject { { u"id"_s, u"loc_st01"_s }, { u"name"_s, u"Split depot"_s }, { u"city"_s, u"Split"_s } } } } });
        m_planner.next = ScriptedPlanner::tool(u"moveVehicle"_s);
        const auto orchestrator = m_world->orchestrator(*m_executor, &m_planner, true);
        ConversationSession session = m_world->session();
        const TurnOutcome out = orchestrator->run(session, AgentWorld::text(u"move my car"_s), AgentWorld::profile());
        QCOMPARE(m_executor->calledIds(), QStringList({ u"listVehicles"_s, u"listLocations"_s }));
        QCOMPARE(sourceOf(out.trace, u"vehicleId"_s), u"provider:listVehicles"_s);
        QCOMPARE(out.trace.question, u"locationId"_s);
        const QList<OutboundMessage::Row> rows = out.replies.first().list.sections.first().rows;
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).title, u"Split depot"_s);
        QCOMPARE(rows.at(1).description, u"Split"_s);
    }

    void plateInTheMessageNarrowsTheLookup()
    {
        m_executor->answer(u"listVehicles"_s, vehicles(1));
        const auto orchestrator = m_world->orchestrator(*m_executor, &m_planner, true);
        ConversationSession session = m_world->session();
        orchestrator->run(session, AgentWorld::text(u"koliko km ima ZG-1001-AB"_s), AgentWorld::profile(u"hr"_s));
        QVERIFY(!m_executor->calls().isEmpty());
        const ToolCall lookup = m_executor->calls().first();
        QCOMPARE(lookup.toolId, u"listVehicles"_s);
        QCOMPARE(lookup.arguments.value(u"licencePlate"_s).toString(), u"ZG-1001-AB"_s);
        QVERIFY(!lookup.arguments.contains(u"status"_s)); // optional filters only when the user gave them
        QCOMPARE(lookup.tenant, u"acme"_s);
    }

    void writeToolIsConfirmedAfterTheLookup()
    {
        m_executor->answer(u"listVehicles"_s, vehicles(1));
        m_executor->answer(u"reportDamage"_s, QJsonObject { { u"id"_s, u"dmg_1"_s }, { u"status"_s, u"open"_s } });
        m_planner.next = ScriptedPlanner::tool(u"reportDamage"_s);
        const auto orchestrator = m_world->orchestrator(*m_executor, &m_planner, true);
        ConversationSession session = m_world->session();
        TurnOutcome out = orchestrator->run(session, AgentWorld::text(u"broken side mirror on my car"_s), AgentWorld::profile());
        QCOMPARE(m_executor->calledIds(), QStringList({ u"listVehicles"_s })); // never the write itself
        QCOMPARE(out.trace.question, u"confirm"_s);
        QCOMPARE(sourceOf(out.trace, u"vehicleId"_s), u"provider:listVehicles"_s);
        QCOMPARE(session.state().phase, ConversationPhase::AwaitingConfirmation);
    }

    void croatianListIsTranslated()
    {
        TsTranslator croatian;
        QVERIFY(!croatian.isEmpty());
        AgentWorld world(fleetTools(), &croatian);
        m_executor->answer(u"listVehicles"_s, vehicles(12));
        const auto orchestrator = world.orchestrator(*m_executor, &m_planner, true);
        ConversationSession session = world.session();
        const TurnOutcome out = orchestrator->run(session, AgentWorld::text(u"koliko kilometara ima moj auto"_s),
                                                  AgentWorld::profile(u"hr"_s));
        QCOMPARE(out.replies.size(), 1);
        const OutboundMessage &list = out.replies.first();
        const QString chooseHr = croatian.translate("m1::Agent", "Please choose: %1");
        QVERIFY(!chooseHr.isEmpty());
        QVERIFY2(list.text.startsWith(chooseHr.section(u'%', 0, 0)), qPrintable(list.text));
        QVERIFY2(list.text.contains(croatian.translate("m1::Agent", "Not in the list? Just write it.")), qPrintable(list.text));
        QCOMPARE(list.list.buttonText, croatian.translate("m1::Agent", "Choose"));
    }

    void demoSpecThroughTheSandbox()
    {
        // The real thing: the demo spec, its graph, the rule planner, the sandbox's example
        // answers. "my car" without a default vehicle in the profile: a provider finds it.
        AgentWorld world(demoRegistry());
        QVERIFY2(world.search, qPrintable(world.error));
        SandboxExecutor sandbox(world.clock);
        const auto orchestrator = world.orchestrator(sandbox, nullptr, true);
        ConversationSession session = world.session();
        TurnOutcome out = orchestrator->run(session, AgentWorld::text(u"how many km does my car have"_s), AgentWorld::profile());
        qInfo().noquote() << QJsonDocument(out.trace.toJson()).toJson(QJsonDocument::Compact);
        QCOMPARE(out.trace.chosenToolId, u"getVehicleMileage"_s);
        QCOMPARE(out.trace.planner, u"rules"_s);
        const QString source = sourceOf(out.trace, u"vehicleId"_s);
        QVERIFY2(source.startsWith(u"provider:"_s), qPrintable(out.trace.notes.join(u'\n')));
        if (out.trace.action != u"execute"_s) { // several vehicles: pick the first row
            QCOMPARE(out.replies.first().kind, OutboundMessage::Kind::List);
            const OutboundMessage::Row row = out.replies.first().list.sections.first().rows.first();
            out = orchestrator->run(session, AgentWorld::listReply(row.id, row.title), AgentWorld::profile());
        }
        QCOMPARE(out.trace.action, u"execute"_s);
        QCOMPARE(out.trace.httpStatus, 200);
        QVERIFY(!out.trace.request.value(u"vehicleId"_s).toString().isEmpty());
    }

private:
    std::unique_ptr<AgentWorld> m_world;
    std::unique_ptr<ScriptedExecutor> m_executor;
    ScriptedPlanner m_planner;
};

QTEST_GUILESS_MAIN(TestProviderTools)
#include "tst_providertools.moc"
