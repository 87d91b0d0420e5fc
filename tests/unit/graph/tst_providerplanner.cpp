#include "graph/dependencygraph.h"
#include "graph/providerplanner.h"

#include "toolbuilder.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;
using namespace m1::test;

namespace {

// Abstract tools: `needs` are required query params, `gives` are outputs. Paths are distinct
// literal resources so the normaliser's context rules stay out of the way.
ToolDefinition node(const QString &id, const QStringList &needs, const QStringList &gives,
                    const QString &method = u"GET"_s)
{
    QList<ToolParameter> params;
    for (const QString &n : needs)
        params.append(queryParam(n));
    return tool(id, method, u'/' + id, params, gives);
}

// The planner's cases use abstract keys ("x", "y"), so every key links, not only identifiers.
DependencyGraph buildAbstract(const QList<ToolDefinition> &tools)
{
    GraphOptions options;
    options.linkEveryKey = true;
    return DependencyGraph::build(tools, options);
}

QList<int> stepTools(const ProviderPlan &plan)
{
    QList<int> out;
    for (const PlanStep &s : plan.steps)
        out.append(s.tool);
    return out;
}

// Every step's needs are met before it runs: by known params or an earlier step's outputs.
bool dependenciesComeFirst(const DependencyGraph &g, const ProviderPlan &plan, int target,
                           const QSet<QString> &known = {})
{
    QSet<QString> available;
    for (const QString &k : known)
        available.insert(g.normalizer().normalize(k));
    for (const PlanStep &step : plan.steps) {
        for (const GraphNeed &need : g.needs(step.tool)) {
            if (!available.contains(need.key))
                return false;
        }
        for (const QString &key : g.providedKeys(step.tool))
            available.insert(key);
    }
    for (const GraphNeed &need : g.needs(target)) {
        if (!available.contains(need.key) && !plan.unresolved.contains(need.param)
            && !known.contains(need.param))
            return false;
    }
    return true;
}

} // namespace

class TestProviderPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingMissing();
    void chain();
    void diamondCallsSharedProviderOnce();
    void cycleIsUnresolved();
    void cycleBrokenByAnotherProvider();
    void unresolvedParams();
    void knownParamsSkip();
    void knownParamOfTargetFeedsProviders();
    void prefersFewestMissing();
    void prefersFewestHops();
    void skipsProvidersThatCannotBeSatisfied();
    void selfProvidingToolUsesAnother();
    void writeToolsAreNotProvidersByDefault();
    void planStepsNameWhatTheyFill();
    void denseGraphStaysBounded();
};

void TestProviderPlanner::nothingMissing()
{
    const DependencyGraph g = buildAbstract({node(u"a"_s, {}, {u"x"_s})});
    const ProviderPlan plan = g.planFor(0);
    QVERIFY(plan.steps.isEmpty());
    QVERIFY(plan.isComplete());
}

void TestProviderPlanner::chain()
{
    // A needs x ← B, B needs y ← C, C needs nothing.
    const DependencyGraph g = buildAbstract({node(u"a"_s, {u"x"_s}, {}),
                                                      node(u"b"_s, {u"y"_s}, {u"x"_s}),
                                                      node(u"c"_s, {}, {u"y"_s})});
    const ProviderPlan plan = g.planFor(0);
    QCOMPARE(stepTools(plan), (QList<int>{2, 1}));
    QVERIFY(plan.unresolved.isEmpty());
    QVERIFY(dependenciesComeFirst(g, plan, 0));
}

void TestProviderPlanner::diamondCallsSharedProviderOnce()
{
    // A needs x and y; B gives x and C gives y, both need z; D gives z.
    const DependencyGraph g = buildAbstract({node(u"a"_s, {u"x"_s, u"y"_s}, {}),
                                                      node(u"b"_s, {u"z"_s}, {u"x"_s}),
                                                      node(u"c"_s, {u"z"_s}, {u"y"_s}),
                                                      node(u"d"_s, {}, {u"z"_s})});
    const ProviderPlan plan = g.planFor(0);
    QCOMPARE(stepTools(plan), (QList<int>{3, 1, 2}));
    QVERIFY(plan.unresolved.isEmpty());
    QVERIFY(dependenciesComeFirst(g, plan, 0));
}

void TestProviderPlanner::cycleIsUnresolved()
{
    // A needs x ← B, B needs y ← A only: no acyclic way.
    const DependencyGraph g = buildAbstract({node(u"a"_s, {u"x"_s}, {u"y"_s}),
                                                      node(u"b"_s, {u"y"_s}, {u"x"_s})});
    QCOMPARE(g.edgeCount(), qsizetype(2));
    const ProviderPlan plan = g.planFor(0);
    QVERIFY(plan.steps.isEmpty());
    QCOMPARE(plan.unresolved, QStringList{u"x"_s});
    const ProviderPlan other = g.planFor(1);
    QVERIFY(other.steps.isEmpty());
    QCOMPARE(other.unresolved, QStringList{u"y"_s});
}

void TestProviderPlanner::cycleBrokenByAnotherProvider()
{
    // As above, but C also gives y: B can be fed by C.
    const DependencyGraph g = buildAbstract({node(u"a"_s, {u"x"_s}, {u"y"_s}),
                                                      node(u"b"_s, {u"y"_s}, {u"x"_s}),
                                                      node(u"c"_s, {}, {u"y"_s})});
    const ProviderPlan plan = g.planFor(0);
    QCOMPARE(stepTools(plan), (QList<int>{2, 1}));
    QVERIFY(plan.unresolved.isEmpty());
    // A longer cycle A → B → C → A with an exit at C.
    const DependencyGraph ring = buildAbstract({node(u"a"_s, {u"x"_s}, {u"z"_s}),
                                                         node(u"b"_s, {u"y"_s}, {u"x"_s}),
                                                         node(u"c"_s, {u"z"_s}, {u"y"_s}),
                                                         node(u"d"_s, {}, {u"z"_s})});
    const ProviderPlan ringPlan = ring.planFor(0);
    QCOMPARE(stepTools(ringPlan), (QList<int>{3, 2, 1}));
    QVERIFY(dependenciesComeFirst(ring, ringPlan, 0));
}

void TestProviderPlanner::unresolvedParams()
{
    // x has a provider, w has none.
    const DependencyGraph g = buildAbstract({node(u"a"_s, {u"x"_s, u"w"_s}, {}),
                                                      node(u"b"_s, {}, {u"x"_s})});
    const ProviderPlan plan = g.planFor(0);
    QCOMPARE(stepTools(plan), QList<int>{1});
    QCOMPARE(plan.unresolved, QStringList{u"w"_s});
    QVERIFY(!plan.isComplete());
}

void TestProviderPlanner::knownParamsSkip()
{
    const DependencyGraph g = buildAbstract({node(u"a"_s, {u"vehicleId"_s, u"y"_s}, {}),
                                                      node(u"b"_s, {}, {u"vehicleId"_s}),
                                                      node(u"c"_s, {}, {u"y"_s})});
    QCOMPARE(stepTools(g.planFor(0)), (QList<int>{1, 2}));
    // By parameter name...
    QCOMPARE(stepTools(g.planFor(0, {u"vehicleId"_s})), QList<int>{2});
    // ...or by normalised key, in any spelling.
    QCOMPARE(stepTools(g.planFor(0, {u"vehicle_id"_s})), QList<int>{2});
    QCOMPARE(stepTools(g.planFor(0, {u"VehicleID"_s, u"y"_s})), QList<int>{});
}

void TestProviderPlanner::knownParamOfTargetFeedsProviders()
{
    // A needs x and d (driver); B gives x but needs d too. Knowing A's d satisfies B as well.
    const DependencyGraph g = buildAbstract({node(u"a"_s, {u"x"_s, u"driverId"_s}, {}),
                                                      node(u"b"_s, {u"driverId"_s}, {u"x"_s})});
    const ProviderPlan unknown = g.planFor(0);
    QVERIFY(unknown.steps.isEmpty());
    QCOMPARE(unknown.unresolved, (QStringList{u"x"_s, u"driverId"_s}));
    const ProviderPlan known = g.planFor(0, {u"driverId"_s});
    QCOMPARE(stepTools(known), QList<int>{1});
    QVERIFY(known.unresolved.isEmpty());
}

void TestProviderPlanner::prefersFewestMissing()
{
    // Two providers of x: B needs y (which C gives), D needs nothing. D wins.
    const DependencyGraph g = buildAbstract({node(u"a"_s, {u"x"_s}, {}),
                                                      node(u"b"_s, {u"y"_s}, {u"x"_s}),
                                                      node(u"c"_s, {}, {u"y"_s}),
                                                      node(u"d"_s, {}, {u"x"_s})});
    QCOMPARE(stepTools(g.planFor(0)), QList<int>{3});
}

void TestProviderPlanner::prefersFewestHops()
{
    // Both providers of x miss one input; B's is one hop away (E), C's two (F ← G). B wins
    // although C comes first by index.
    const DependencyGraph g = buildAbstract({node(u"a"_s, {u"x"_s}, {}),
                                                      node(u"c"_s, {u"z"_s}, {u"x"_s}),
                                                      node(u"b"_s, {u"y"_s}, {u"x"_s}),
                                                      node(u"e"_s, {}, {u"y"_s}),
                                                      node(u"f"_s, {u"w"_s}, {u"z"_s}),
                                                      node(u"g"_s, {}, {u"w"_s})});
    QCOMPARE(stepTools(g.planFor(0)), (QList<int>{3, 2}));
}

void TestProviderPlanner::skipsProvidersThatCannotBeSatisfied()
{
    // B gives x but needs q, which nobody gives; C gives x and needs y, which D gives.
    const DependencyGraph g = buildAbstract({node(u"a"_s, {u"x"_s}, {}),
                                                      node(u"b"_s, {u"q"_s}, {u"x"_s}),
                                                      node(u"c"_s, {u"y"_s}, {u"x"_s}),
                                                      node(u"d"_s, {}, {u"y"_s})});
    const ProviderPlan plan = g.planFor(0);
    QCOMPARE(stepTools(plan), (QList<int>{3, 2}));
    QVERIFY(plan.unresolved.isEmpty());
}

void TestProviderPlanner::selfProvidingToolUsesAnother()
{
    // GET /vehicles/{vehicleId} returns the vehicle id it needs; GET /vehicles lists them.
    const DependencyGraph g = DependencyGraph::build(
        {tool(u"getVehicle"_s, u"GET"_s, u"/vehicles/{vehicleId}"_s, {pathParam(u"vehicleId"_s)}, {u"id"_s}),
         tool(u"listVehicles"_s, u"GET"_s, u"/vehicles"_s, {}, {u"items.id"_s})});
    QCOMPARE(stepTools(g.planFor(0)), QList<int>{1});
}

void TestProviderPlanner::writeToolsAreNotProvidersByDefault()
{
    const QList<ToolDefinition> tools{node(u"a"_s, {u"x"_s}, {}), node(u"b"_s, {}, {u"x"_s}, u"POST"_s)};
    const ProviderPlan plan = DependencyGraph::build(tools).planFor(0);
    QVERIFY(plan.steps.isEmpty());
    QCOMPARE(plan.unresolved, QStringList{u"x"_s});
    GraphOptions options;
    options.readOnlyProviders = false;
    options.linkEveryKey = true;
    QCOMPARE(stepTools(DependencyGraph::build(tools, options).planFor(0)), QList<int>{1});
}

void TestProviderPlanner::planStepsNameWhatTheyFill()
{
    const DependencyGraph g = buildAbstract({node(u"a"_s, {u"vehicleId"_s}, {}),
                                                      node(u"b"_s, {u"driverId"_s}, {u"vehicleId"_s}),
                                                      node(u"c"_s, {}, {u"driverId"_s})});
    const ProviderPlan plan = g.planFor(0);
    QCOMPARE(plan.steps, (QList<PlanStep>{{2, u"driver_id"_s, 1, u"driverId"_s},
                                          {1, u"vehicle_id"_s, 0, u"vehicleId"_s}}));
}

void TestProviderPlanner::denseGraphStaysBounded()
{
    // 40 tools that all give k0..k3 and each need one of them, plus one target needing all
    // four and one tool that needs nothing: a dense web of cycles. The plan must come back
    // (bounded search), complete, and correctly ordered.
    QList<ToolDefinition> tools;
    const QStringList keys{u"k0"_s, u"k1"_s, u"k2"_s, u"k3"_s};
    tools.append(node(u"target"_s, keys, {}));
    for (int i = 0; i < 40; ++i)
        tools.append(node(u"t"_s + QString::number(i), {keys[i % 4]}, keys));
    tools.append(node(u"root"_s, {}, {u"k3"_s}));
    const DependencyGraph g = buildAbstract(tools);
    const ProviderPlan plan = g.planFor(0);
    QVERIFY(plan.isComplete());
    QVERIFY(dependenciesComeFirst(g, plan, 0));
    // root, then one tool needing k3 gives all keys.
    QCOMPARE(plan.steps.size(), 2);
    QCOMPARE(plan.steps.first().tool, int(tools.size() - 1));
}

QTEST_GUILESS_MAIN(TestProviderPlanner)
#include "tst_providerplanner.moc"
