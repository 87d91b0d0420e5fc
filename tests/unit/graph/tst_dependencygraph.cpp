#include "graph/dependencygraph.h"

#include "toolbuilder.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;
using namespace m1::test;

namespace {

// A small fleet API whose edges are worked out by hand below.
enum Tool { ListVehicles, GetVehicle, GetDriver, CreateBooking, DeleteVehicle, GetPerson, ToolCount };

QList<ToolDefinition> smallApi()
{
    QList<ToolDefinition> tools(ToolCount);
    tools[ListVehicles] = tool(u"listVehicles"_s, u"GET"_s, u"/vehicles"_s, {queryParam(u"status"_s, false)},
                               {u"items.id"_s, u"items.licencePlate"_s});
    tools[GetVehicle] = tool(u"getVehicle"_s, u"GET"_s, u"/vehicles/{vehicleId}"_s, {pathParam(u"vehicleId"_s)},
                             {u"id"_s, u"licencePlate"_s, u"driver.id"_s, u"mileageKm"_s});
    tools[GetDriver] = tool(u"getDriver"_s, u"GET"_s, u"/drivers/{id}"_s, {pathParam(u"id"_s)},
                            {u"id"_s, u"name"_s});
    tools[CreateBooking] = tool(u"createBooking"_s, u"POST"_s, u"/bookings"_s,
                                {bodyParam(u"vehicleId"_s), bodyParam(u"driver.id"_s),
                                 bodyParam(u"note"_s, false), headerParam(u"X-Tenant-Id"_s)},
                                {u"id"_s, u"vehicleId"_s});
    tools[DeleteVehicle] = tool(u"deleteVehicle"_s, u"DELETE"_s, u"/vehicles/{id}"_s, {pathParam(u"id"_s)},
                                {u"id"_s});
    tools[GetPerson] = tool(u"getPerson"_s, u"GET"_s, u"/persons/{personId}"_s, {pathParam(u"personId"_s)},
                            {u"personId"_s, u"name"_s});
    return tools;
}

using EdgeSet = QSet<QString>;

QString edgeText(const GraphEdge &e)
{
    return QString::number(e.from) + u"->" + QString::number(e.to) + u' ' + e.key + u' ' + e.param;
}

EdgeSet edgeSet(const QList<GraphEdge> &edges)
{
    EdgeSet out;
    for (const GraphEdge &e : edges)
        out.insert(edgeText(e));
    return out;
}

QString e(int from, int to, const QString &key, const QString &param)
{
    return edgeText(GraphEdge{from, to, key, param});
}

} // namespace

class TestDependencyGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactEdges();
    void noSelfEdges();
    void writeToolsProvideWhenAllowed();
    void aliasesLinkDifferentNames();
    void providersAndConsumers();
    void edgeCountIsSumOfProvidersPerNeed();
    void needsAndProvidedKeys();
    void outOfRangeAndEmpty();
    void onlyIdentifiersAreLookedUp();
};

void TestDependencyGraph::exactEdges()
{
    const DependencyGraph g = DependencyGraph::build(smallApi());
    QCOMPARE(g.nodeCount(), int(ToolCount));
    // vehicle_id: listVehicles (items.id), getVehicle (id) provide it; getVehicle, createBooking
    // and deleteVehicle need it. driver_id: getVehicle (driver.id) and getDriver (id) provide it;
    // getDriver and createBooking need it. getPerson needs person_id, which only it provides.
    // Headers and optional params are no needs; POST/DELETE tools provide nothing.
    const EdgeSet expected{
        e(ListVehicles, GetVehicle, u"vehicle_id"_s, u"vehicleId"_s),
        e(GetVehicle, GetDriver, u"driver_id"_s, u"id"_s),
        e(ListVehicles, CreateBooking, u"vehicle_id"_s, u"vehicleId"_s),
        e(GetVehicle, CreateBooking, u"vehicle_id"_s, u"vehicleId"_s),
        e(GetVehicle, CreateBooking, u"driver_id"_s, u"driver.id"_s),
        e(GetDriver, CreateBooking, u"driver_id"_s, u"driver.id"_s),
        e(ListVehicles, DeleteVehicle, u"vehicle_id"_s, u"id"_s),
        e(GetVehicle, DeleteVehicle, u"vehicle_id"_s, u"id"_s),
    };
    QCOMPARE(edgeSet(g.edges()), expected);
    QCOMPARE(g.edgeCount(), qsizetype(expected.size()));
    QCOMPARE(g.edges().size(), qsizetype(expected.size())); // no duplicates hiding in the set
}

void TestDependencyGraph::noSelfEdges()
{
    const DependencyGraph g = DependencyGraph::build(smallApi());
    for (const GraphEdge &edge : g.edges())
        QVERIFY2(edge.from != edge.to, qPrintable(edgeText(edge)));
    // getVehicle provides and needs vehicle_id; getPerson provides and needs person_id.
    QCOMPARE(g.providers(GetVehicle, u"vehicleId"_s), QList<int>{ListVehicles});
    QVERIFY(g.providers(GetPerson, u"personId"_s).isEmpty());
    QCOMPARE(g.providersOfKey(u"person_id"_s), QList<int>{GetPerson});
}

void TestDependencyGraph::writeToolsProvideWhenAllowed()
{
    GraphOptions options;
    options.readOnlyProviders = false;
    const DependencyGraph g = DependencyGraph::build(smallApi(), options);
    // Now createBooking (vehicleId output) and deleteVehicle (id on /vehicles/{id}) provide too.
    QCOMPARE(g.providersOfKey(u"vehicle_id"_s),
             (QList<int>{ListVehicles, GetVehicle, CreateBooking, DeleteVehicle}));
    QCOMPARE(g.providers(DeleteVehicle, u"id"_s), (QList<int>{ListVehicles, GetVehicle, CreateBooking}));
    // createBooking also provides booking_id (its own id); nobody needs it.
    QCOMPARE(g.providersOfKey(u"booking_id"_s), QList<int>{CreateBooking});
    const DependencyGraph readOnly = DependencyGraph::build(smallApi());
    // New: createBooking → getVehicle, deleteVehicle; deleteVehicle → getVehicle, createBooking.
    QCOMPARE(g.edgeCount(), readOnly.edgeCount() + 4);
    const EdgeSet extra = edgeSet(g.edges()) - edgeSet(readOnly.edges());
    QCOMPARE(extra, (EdgeSet{e(CreateBooking, GetVehicle, u"vehicle_id"_s, u"vehicleId"_s),
                             e(CreateBooking, DeleteVehicle, u"vehicle_id"_s, u"id"_s),
                             e(DeleteVehicle, GetVehicle, u"vehicle_id"_s, u"vehicleId"_s),
                             e(DeleteVehicle, CreateBooking, u"vehicle_id"_s, u"vehicleId"_s)}));
}

void TestDependencyGraph::aliasesLinkDifferentNames()
{
    GraphOptions options;
    options.aliases.insert(u"personId"_s, u"driver_id"_s);
    const DependencyGraph g = DependencyGraph::build(smallApi(), options);
    // getPerson now needs and provides driver_id: it links with getDriver and getVehicle.
    QCOMPARE(g.providers(GetPerson, u"personId"_s), (QList<int>{GetVehicle, GetDriver}));
    QCOMPARE(g.providers(GetDriver, u"id"_s), (QList<int>{GetVehicle, GetPerson}));
    QCOMPARE(g.providers(CreateBooking, u"driver.id"_s), (QList<int>{GetVehicle, GetDriver, GetPerson}));
    QCOMPARE(g.needs(GetPerson), (QList<GraphNeed>{{u"personId"_s, u"driver_id"_s}}));
}

void TestDependencyGraph::providersAndConsumers()
{
    const DependencyGraph g = DependencyGraph::build(smallApi());
    QCOMPARE(g.providers(CreateBooking, u"vehicleId"_s), (QList<int>{ListVehicles, GetVehicle}));
    QCOMPARE(g.providers(CreateBooking, u"driver.id"_s), (QList<int>{GetVehicle, GetDriver}));
    // Not a required param: looked up as a key.
    QCOMPARE(g.providers(CreateBooking, u"licence_plate"_s), (QList<int>{ListVehicles, GetVehicle}));
    QVERIFY(g.providers(CreateBooking, u"note"_s).isEmpty());

    QCOMPARE(edgeSet(g.consumers(ListVehicles)),
             (EdgeSet{e(ListVehicles, GetVehicle, u"vehicle_id"_s, u"vehicleId"_s),
                      e(ListVehicles, CreateBooking, u"vehicle_id"_s, u"vehicleId"_s),
                      e(ListVehicles, DeleteVehicle, u"vehicle_id"_s, u"id"_s)}));
    QCOMPARE(g.consumers(GetVehicle).size(), 4);
    QVERIFY(g.consumers(CreateBooking).isEmpty());
    QCOMPARE(edgeSet(g.incoming(CreateBooking)),
             (EdgeSet{e(ListVehicles, CreateBooking, u"vehicle_id"_s, u"vehicleId"_s),
                      e(GetVehicle, CreateBooking, u"vehicle_id"_s, u"vehicleId"_s),
                      e(GetVehicle, CreateBooking, u"driver_id"_s, u"driver.id"_s),
                      e(GetDriver, CreateBooking, u"driver_id"_s, u"driver.id"_s)}));
    // Every outgoing edge is some tool's incoming edge and the other way round.
    QList<GraphEdge> viaOut;
    QList<GraphEdge> viaIn;
    for (int t = 0; t < g.nodeCount(); ++t) {
        viaOut += g.consumers(t);
        viaIn += g.incoming(t);
    }
    QCOMPARE(edgeSet(viaOut), edgeSet(g.edges()));
    QCOMPARE(viaIn, g.edges()); // edges() is grouped by consumer
}

void TestDependencyGraph::edgeCountIsSumOfProvidersPerNeed()
{
    const QList<ToolDefinition> tools = smallApi();
    const DependencyGraph g = DependencyGraph::build(tools);
    qsizetype sum = 0;
    for (int t = 0; t < g.nodeCount(); ++t) {
        for (const GraphNeed &need : g.needs(t)) {
            const QList<int> providers = g.providersOfKey(need.key);
            sum += providers.size() - providers.count(t);
        }
    }
    QCOMPARE(g.edgeCount(), sum);
}

void TestDependencyGraph::needsAndProvidedKeys()
{
    const DependencyGraph g = DependencyGraph::build(smallApi());
    QCOMPARE(g.needs(CreateBooking),
             (QList<GraphNeed>{{u"vehicleId"_s, u"vehicle_id"_s}, {u"driver.id"_s, u"driver_id"_s}}));
    QCOMPARE(g.needs(DeleteVehicle), (QList<GraphNeed>{{u"id"_s, u"vehicle_id"_s}}));
    QVERIFY(g.needs(ListVehicles).isEmpty());
    QCOMPARE(g.providedKeys(GetVehicle),
             (QStringList{u"vehicle_id"_s, u"licence_plate"_s, u"vehicle_licence_plate"_s, u"driver_id"_s}));
    // Measurements are not identifiers: nothing is looked up for them (GraphOptions::isLookupKey).
    GraphOptions every;
    every.linkEveryKey = true;
    QVERIFY(DependencyGraph::build(smallApi(), every).providedKeys(GetVehicle).contains(u"mileage_km"_s));
    QVERIFY(g.providedKeys(CreateBooking).isEmpty()); // read-only providers only
}

void TestDependencyGraph::outOfRangeAndEmpty()
{
    const DependencyGraph empty = DependencyGraph::build({});
    QCOMPARE(empty.nodeCount(), 0);
    QCOMPARE(empty.edgeCount(), qsizetype(0));
    QVERIFY(empty.edges().isEmpty());
    const DependencyGraph g = DependencyGraph::build(smallApi());
    QVERIFY(g.consumers(-1).isEmpty());
    QVERIFY(g.incoming(ToolCount).isEmpty());
    QVERIFY(g.providers(99, u"id"_s).isEmpty());
    QVERIFY(g.needs(-5).isEmpty());
    QVERIFY(g.providersOfKey(u"no_such_key"_s).isEmpty());
    QVERIFY(g.planFor(42).steps.isEmpty());
    const DependencyGraph defaulted;
    QCOMPARE(defaulted.nodeCount(), 0);
    QVERIFY(defaulted.consumers(0).isEmpty());
}

QTEST_GUILESS_MAIN(TestDependencyGraph)
#include "tst_dependencygraph.moc"

void TestDependencyGraph::onlyIdentifiersAreLookedUp()
{
    // A booking needs a vehicle (an identifier another tool can look up) and a start time
    // (a value only the user knows), even though a listing outputs both.
    const QList<ToolDefinition> tools{
        tool(u"listBookings"_s, u"GET"_s, u"/bookings"_s, {}, {u"vehicleId"_s, u"startAt"_s, u"licencePlate"_s}),
        tool(u"createBooking"_s, u"POST"_s, u"/bookings"_s,
             {queryParam(u"vehicleId"_s), queryParam(u"startAt"_s), queryParam(u"licencePlate"_s)}, {}),
    };
    const DependencyGraph identifiers = DependencyGraph::build(tools);
    QStringList keys;
    for (const GraphEdge &e : identifiers.edges())
        keys.append(e.key);
    keys.sort();
    QCOMPARE(keys, (QStringList{u"licence_plate"_s, u"vehicle_id"_s}));

    GraphOptions named;
    named.lookupKeys.insert(u"start_at"_s);
    QCOMPARE(DependencyGraph::build(tools, named).edgeCount(), qsizetype(3));

    GraphOptions every;
    every.linkEveryKey = true;
    QCOMPARE(DependencyGraph::build(tools, every).edgeCount(), qsizetype(3));
}
