#include "graph/dependencygraph.h"
#include "graph/synthetictoolfactory.h"

#include "fleettools.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;
using namespace m1::test;

class TestGraphScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void baseGraphIsConnected();
    void copiesAreMarked();
    void copyLinksLikeItsBase();
    void edgesGrowLinearly_data();
    void edgesGrowLinearly();

private:
    QList<ToolDefinition> m_base;
    qsizetype m_baseEdges = 0;
};

void TestGraphScale::initTestCase()
{
    m_base = fleetTools();
    m_baseEdges = DependencyGraph::build(m_base).edgeCount();
}

void TestGraphScale::baseGraphIsConnected()
{
    // The base must be worth scaling: many edges, and plans for most tools. What stays with the
    // user is what only the user knows: dates, a damage description, an expense category, ids
    // of bookings, reports and pool vehicles (the pool search needs the dates first).
    const DependencyGraph g = DependencyGraph::build(m_base);
    QVERIFY2(m_baseEdges >= 40, qPrintable(QString::number(m_baseEdges)));
    const QHash<QString, QStringList> askUser{
        {u"listPoolVehicles"_s, {u"from"_s, u"to"_s}},
        {u"getPoolVehicle"_s, {u"id"_s}},
        {u"createPoolBooking"_s, {u"poolVehicleId"_s, u"from"_s, u"to"_s}},
        {u"getPoolBooking"_s, {u"id"_s}},
        {u"cancelPoolBooking"_s, {u"id"_s}},
        {u"reportDamage"_s, {u"description"_s}},
        {u"getDamageReport"_s, {u"id"_s}},
        {u"createExpense"_s, {u"amount.amount"_s, u"amount.currency"_s, u"category"_s}},
        {u"updateMileage"_s, {u"currentKm"_s}}, // a reading the driver reports, not a lookup
    };
    int planned = 0;
    for (int t = 0; t < g.nodeCount(); ++t) {
        const ProviderPlan plan = g.planFor(t);
        QVERIFY2(plan.unresolved == askUser.value(m_base[t].id),
                 qPrintable(m_base[t].id + u": "_s + plan.unresolved.join(u", "_s)));
        planned += plan.steps.isEmpty() ? 0 : 1;
    }
    QCOMPARE(planned, 13); // updateMileage needs only its reading, which the user reports
    // A two-hop plan: a trip id comes from the vehicle's trips, which need a vehicle id.
    const auto index = [this](const QString &id) {
        for (int i = 0; i < m_base.size(); ++i) {
            if (m_base[i].id == id)
                return i;
        }
        return -1;
    };
    const ProviderPlan trip = g.planFor(index(u"getTrip"_s));
    QCOMPARE(trip.steps.size(), 2);
    QCOMPARE(trip.steps[0].tool, index(u"listVehicles"_s));
    QCOMPARE(trip.steps[1].tool, index(u"listTrips"_s));
}

void TestGraphScale::copiesAreMarked()
{
    const ToolDefinition copy = SyntheticToolFactory::copyOf(m_base[1], 17); // getVehicle
    QCOMPARE(copy.id, u"getVehicle_c17"_s);
    QCOMPARE(copy.path, u"/c17vehicles/{c17vehicle_id}"_s);
    QCOMPARE(copy.parameters[0].name, u"c17vehicle_id"_s);
    QCOMPARE(copy.parameters[1].name, u"c17x_tenant_id"_s);
    QVERIFY(copy.outputKeys.contains(u"id"_s));              // reserved words stay
    QVERIFY(copy.outputKeys.contains(u"c17driver.id"_s));    // their owner carries the marker
    QVERIFY(copy.outputKeys.contains(u"c17licence_plate"_s));
    QCOMPARE(SyntheticToolFactory::markPath(u"/pool-bookings/{id}"_s, 3), u"/c3pool_bookings/{id}"_s);
    QCOMPARE(SyntheticToolFactory::markName(u"data.items.vehicleId"_s, 3), u"data.items.c3vehicle_id"_s);

    const QList<ToolDefinition> tools = SyntheticToolFactory::derive(m_base, 50);
    QCOMPARE(tools.size(), 50);
    QSet<QString> ids;
    for (const ToolDefinition &t : tools)
        ids.insert(t.id);
    QCOMPARE(ids.size(), 50);
    QCOMPARE(tools[int(m_base.size())].id, m_base[0].id + u"_c1");
    QVERIFY(SyntheticToolFactory::derive({}, 10).isEmpty());
    QVERIFY(SyntheticToolFactory::derive(m_base, 0).isEmpty());
}

void TestGraphScale::copyLinksLikeItsBase()
{
    // Copy k of the base links exactly like the base: same edges between the same positions.
    const int b = int(m_base.size());
    QList<ToolDefinition> copy;
    for (const ToolDefinition &t : std::as_const(m_base))
        copy.append(SyntheticToolFactory::copyOf(t, 9));
    const auto shape = [](const DependencyGraph &g) {
        QList<std::pair<int, int>> out;
        for (const GraphEdge &e : g.edges())
            out.append({e.from, e.to});
        return out;
    };
    const DependencyGraph base = DependencyGraph::build(m_base);
    const DependencyGraph copied = DependencyGraph::build(copy);
    QCOMPARE(shape(copied), shape(base));
    for (int t = 0; t < b; ++t)
        QCOMPARE(copied.planFor(t).steps.size(), base.planFor(t).steps.size());
}

void TestGraphScale::edgesGrowLinearly_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("2,000") << 2'000;
    QTest::newRow("20,000") << 20'000;
}

void TestGraphScale::edgesGrowLinearly()
{
    QFETCH(int, count);
    const int b = int(m_base.size());
    const QList<ToolDefinition> tools = SyntheticToolFactory::derive(m_base, count);
    const DependencyGraph g = DependencyGraph::build(tools);
    QCOMPARE(g.nodeCount(), count);
    // k full copies of the base plus a partial copy of its first r tools.
    const int fullCopies = count / b;
    const int remainder = count % b;
    const qsizetype partialEdges = DependencyGraph::build(m_base.first(remainder)).edgeCount();
    QCOMPARE(g.edgeCount(), fullCopies * m_baseEdges + partialEdges);
    // No edge crosses from one copy to another.
    const QList<GraphEdge> edges = g.edges();
    for (const GraphEdge &e : edges) {
        if (e.from / b != e.to / b)
            QFAIL(qPrintable(tools[e.from].id + u" -> " + tools[e.to].id + u" crosses copies"));
    }
    // Spot checks across the range: a tool's providers are its own copy's.
    for (int t : {0, count / 2, count - 1}) {
        for (const GraphEdge &e : g.incoming(t))
            QCOMPARE(e.from / b, t / b);
    }
}

QTEST_GUILESS_MAIN(TestGraphScale)
#include "tst_graphscale.moc"
