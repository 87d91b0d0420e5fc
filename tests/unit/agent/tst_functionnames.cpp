// Tool ids become function names OpenAI and Azure accept (^[a-zA-Z0-9_-]{1,64}$), unique within
// a request, and map back; tools become function schemas from their parameters.
#include "agent/functionnames.h"
#include "agent/functionschemabuilder.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

class TestFunctionNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sanitises_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << u"listVehicles"_s << u"listVehicles"_s;
        QTest::newRow("dash and underscore") << u"list-vehicles_v2"_s << u"list-vehicles_v2"_s;
        QTest::newRow("dots and slashes") << u"fleet.v2/listVehicles"_s << u"fleet_v2_listVehicles"_s;
        QTest::newRow("spaces and braces") << u"GET /vehicles/{id}"_s << u"GET__vehicles__id_"_s;
        QTest::newRow("croatian letters") << u"prijaviŠtetu"_s << u"prijavi_tetu"_s;
        QTest::newRow("empty") << QString() << u"tool"_s;
    }
    void sanitises()
    {
        QFETCH(QString, id);
        QFETCH(QString, name);
        QCOMPARE(FunctionNames::sanitize(id), name);
        QVERIFY(FunctionNames::isValid(FunctionNames::sanitize(id)));
    }

    void longIdsAreCutWithAStableHash()
    {
        const QString id = u"kubernetes.io/v1/namespaces/{namespace}/pods/{name}/ephemeralcontainers/replace"_s;
        const QString name = FunctionNames::sanitize(id);
        QCOMPARE(name.size(), 64);
        QVERIFY(FunctionNames::isValid(name));
        QCOMPARE(name, FunctionNames::sanitize(id)); // stable
        QVERIFY(name != FunctionNames::sanitize(id + u'2')); // the hash tells long ids apart
    }

    void namesAreUniqueAndMapBack()
    {
        FunctionNames names;
        const QString a = names.add(u"fleet.listVehicles"_s);
        const QString b = names.add(u"fleet/listVehicles"_s); // sanitises to the same text
        const QString c = names.add(u"fleet listVehicles"_s);
        QVERIFY(a != b && b != c && a != c);
        for (const QString &n : { a, b, c })
            QVERIFY2(FunctionNames::isValid(n), qPrintable(n));
        QCOMPARE(names.toolFor(a), u"fleet.listVehicles"_s);
        QCOMPARE(names.toolFor(b), u"fleet/listVehicles"_s);
        QCOMPARE(names.toolFor(c), u"fleet listVehicles"_s);
        QCOMPARE(names.add(u"fleet.listVehicles"_s), a); // adding again changes nothing
        QCOMPARE(names.size(), 3);
        QVERIFY(names.toolFor(u"madeUp"_s).isEmpty());
    }

    void toolBecomesAFunctionSchema()
    {
        ToolDefinition t;
        t.id = u"submitMileage"_s;
        t.method = u"POST"_s;
        t.path = u"/vehicles/{vehicleId}/mileage-readings"_s;
        t.summary = u"Submit a mileage reading"_s;
        t.description = QString(2000, u'x');
        ToolParameter vehicle { u"vehicleId"_s, ParamLocation::Path, true, u"string"_s, {}, {}, {}, u"The vehicle"_s, false };
        ToolParameter km { u"odometerKm"_s, ParamLocation::Body, true, u"integer"_s, {}, {}, {}, {}, false };
        ToolParameter source { u"source"_s, ParamLocation::Body, false, u"string"_s, {}, { u"app"_s, u"photo"_s }, u"app"_s, {}, false };
        ToolParameter photos { u"photoIds"_s, ParamLocation::Body, false, u"array"_s, {}, {}, {}, {}, false };
        ToolParameter key { u"Idempotency-Key"_s, ParamLocation::Header, true, u"string"_s, {}, {}, {}, {}, false };
        t.parameters = { vehicle, km, source, photos, key };

        const QJsonObject tool = FunctionSchemaBuilder::tool(t, u"submitMileage"_s);
        QCOMPARE(tool.value(u"type"_s).toString(), u"function"_s);
        const QJsonObject f = tool.value(u"function"_s).toObject();
        QCOMPARE(f.value(u"name"_s).toString(), u"submitMileage"_s);
        QVERIFY(f.value(u"description"_s).toString().size() <= FunctionSchemaBuilder::kMaxDescription);
        const QJsonObject schema = f.value(u"parameters"_s).toObject();
        QCOMPARE(schema.value(u"type"_s).toString(), u"object"_s);
        const QJsonObject props = schema.value(u"properties"_s).toObject();
        QCOMPARE(props.keys(), QStringList({ u"odometerKm"_s, u"photoIds"_s, u"source"_s, u"vehicleId"_s }));
        QCOMPARE(props.value(u"odometerKm"_s).toObject().value(u"type"_s).toString(), u"integer"_s);
        QCOMPARE(props.value(u"photoIds"_s).toObject().value(u"items"_s).toObject().value(u"type"_s).toString(), u"string"_s);
        QCOMPARE(props.value(u"source"_s).toObject().value(u"enum"_s).toArray(), QJsonArray({ u"app"_s, u"photo"_s }));
        QCOMPARE(props.value(u"source"_s).toObject().value(u"default"_s).toString(), u"app"_s);
        QCOMPARE(props.value(u"vehicleId"_s).toObject().value(u"description"_s).toString(), u"The vehicle"_s);
        QCOMPARE(schema.value(u"required"_s).toArray(), QJsonArray({ u"vehicleId"_s, u"odometerKm"_s }));
    }
};

QTEST_GUILESS_MAIN(TestFunctionNames)
#include "tst_functionnames.moc"
