// SchemaExampleGenerator: values that fit their schema, plausible names, determinism.

#include "agent/licenceplateextractor.h"
#include "agent/schemaexamplegenerator.h"

#include "schemacheck.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QStringList problems(const QJsonValue &value, const QJsonObject &schema)
{
    QStringList out;
    checkSchema(value, schema, u"$"_s, &out);
    return out;
}

} // namespace

class TestSchemaExampleGenerator : public QObject
{
    Q_OBJECT

private:
    SchemaExampleGenerator m_generator{42, QDate(2026, 12, 2)};

private Q_SLOTS:
    void conformsToSchemas_data()
    {
        QTest::addColumn<QByteArray>("schema");
        QTest::newRow("formats") << QByteArray(R"({"type":"object","required":["a","b","c","d"],"properties":{
            "a":{"type":"string","format":"date"},"b":{"type":"string","format":"date-time"},
            "c":{"type":"string","format":"uuid"},"d":{"type":"string","format":"email"}}})");
        QTest::newRow("enum and bounds") << QByteArray(R"({"type":"object","properties":{
            "status":{"type":"string","enum":["active","in_service"]},
            "level":{"type":"integer","minimum":10,"maximum":12},
            "ratio":{"type":"number","minimum":0.5,"maximum":0.75},
            "code":{"type":"string","minLength":5,"maxLength":6},
            "vin":{"type":"string","minLength":17,"maxLength":17}}})");
        QTest::newRow("arrays") << QByteArray(R"({"type":"array","minItems":2,"maxItems":2,
            "items":{"type":"object","required":["id"],"properties":{"id":{"type":"string"},
            "tags":{"type":"array","items":{"type":"string","enum":["x","y","z"]},"maxItems":1}}}})");
        QTest::newRow("allOf") << QByteArray(R"({"allOf":[{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}},
            {"type":"object","required":["count"],"properties":{"count":{"type":"integer","minimum":1}}}]})");
        QTest::newRow("oneOf nullable") << QByteArray(R"({"type":"object","properties":{"v":{"oneOf":[{"type":"null"},{"type":"integer","maximum":3}]}}})");
        QTest::newRow("3.1 type list") << QByteArray(R"({"type":["string","null"],"format":"date"})");
        QTest::newRow("patterns") << QByteArray(R"({"type":"object","properties":{
            "period":{"type":"string","pattern":"^[0-9]{4}-(0[1-9]|1[0-2])$"},
            "quietHoursFrom":{"type":"string","pattern":"^[0-2][0-9]:[0-5][0-9]$"},
            "odd":{"type":"string","pattern":"^[0-9]{5}$"}}})");
        QTest::newRow("map") << QByteArray(R"({"type":"object","additionalProperties":{"type":"integer"}})");
    }

    void conformsToSchemas()
    {
        QFETCH(QByteArray, schema);
        const QJsonObject s = QJsonDocument::fromJson(schema).object();
        for (quint64 salt = 0; salt < 20; ++salt) {
            const QJsonValue v = m_generator.generate(s, {}, salt);
            const QStringList p = problems(v, s);
            QVERIFY2(p.isEmpty(), qPrintable(p.join(u'\n')));
        }
    }

    void examplesAndDefaultsWin()
    {
        QCOMPARE(m_generator.generate(json(R"({"type":"string","example":"ZG-1-A"})")).toString(), u"ZG-1-A"_s);
        QCOMPARE(m_generator.generate(json(R"({"type":"integer","default":7})")).toInt(), 7);
        QCOMPARE(m_generator.generate(json(R"({"const":"fixed"})")).toString(), u"fixed"_s);
        const QJsonObject o = m_generator.generate(json(R"({"type":"object","properties":{"a":{"type":"string"}},
            "example":{"a":"ignored","extra":1}})")).toObject();
        QCOMPARE(o.value(u"extra"_s).toInt(), 1);   // example fills what the schema left out
    }

    void plausibleNames()
    {
        LicencePlateExtractor plates;
        const QJsonObject schema = json(R"({"type":"object","properties":{
            "licencePlate":{"type":"string"},"vehicleId":{"type":"string"},"firstName":{"type":"string"},
            "city":{"type":"string"},"currency":{"type":"string"},"fuelLevelPercent":{"type":"integer"},
            "odometerKm":{"type":"integer"},"year":{"type":"integer"},"phone":{"type":"string"}}})");
        for (quint64 salt = 0; salt < 10; ++salt) {
            const QJsonObject o = m_generator.generate(schema, {}, salt).toObject();
            QVERIFY2(!plates.normalizeCroatian(o.value(u"licencePlate"_s).toString()).isEmpty(),
                     qPrintable(o.value(u"licencePlate"_s).toString()));
            QVERIFY(o.value(u"vehicleId"_s).toString().startsWith(u"veh_"_s));
            QCOMPARE(o.value(u"currency"_s).toString(), u"EUR"_s);
            QVERIFY(o.value(u"fuelLevelPercent"_s).toInt() >= 20 && o.value(u"fuelLevelPercent"_s).toInt() <= 95);
            QVERIFY(o.value(u"odometerKm"_s).toInt() >= 5000);
            QCOMPARE(o.value(u"year"_s).toInt(), 2026);
            QVERIFY(o.value(u"phone"_s).toString().startsWith(u"+3859"_s));
        }
    }

    void echoesArguments()
    {
        const QJsonObject schema = json(R"({"type":"object","properties":{
            "vehicleId":{"type":"string"},"passengers":{"type":"integer"},
            "status":{"type":"string","enum":["confirmed","cancelled"]},
            "startAt":{"type":"string","format":"date-time"},
            "roles":{"type":"array","items":{"type":"string","enum":["driver","admin"]}},
            "driver":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"}}},
            "items":{"type":"array","items":{"type":"object","properties":{"vehicleId":{"type":"string"},"id":{"type":"string"}}}}}})");
        const QJsonObject args{{u"vehicleId"_s, u"veh_42"_s}, {u"passengers"_s, u"3"_s}, {u"status"_s, u"bogus"_s},
                               {u"startAt"_s, u"sutra"_s}, {u"roles"_s, QJsonArray{u"driver"_s, u"chef"_s}},
                               {u"driver.id"_s, u"per_7"_s}, {u"id"_s, u"not-echoed-deep"_s}};
        const QJsonObject o = m_generator.generate(schema, args, 1).toObject();
        QCOMPARE(o.value(u"vehicleId"_s).toString(), u"veh_42"_s);
        QCOMPARE(o.value(u"passengers"_s).toInt(), 3); // converted to the schema's type
        QVERIFY(o.value(u"status"_s).toString() != u"bogus"_s); // not an allowed value: invented
        QVERIFY(QDateTime::fromString(o.value(u"startAt"_s).toString(), Qt::ISODate).isValid());
        QVERIFY(!o.value(u"roles"_s).toArray().contains(u"chef"_s));
        QCOMPARE(o.value(u"driver"_s).toObject().value(u"id"_s).toString(), u"per_7"_s);
        for (const QJsonValue &row : o.value(u"items"_s).toArray()) {
            QCOMPARE(row.toObject().value(u"vehicleId"_s).toString(), u"veh_42"_s);
            QVERIFY(row.toObject().value(u"id"_s).toString() != u"not-echoed-deep"_s);
        }
    }

    void deterministic()
    {
        const QJsonObject schema = json(R"({"type":"object","properties":{"a":{"type":"string","format":"uuid"},
            "b":{"type":"array","items":{"type":"integer"}},"c":{"type":"string","format":"date-time"}}})");
        const SchemaExampleGenerator same(42, QDate(2026, 12, 2));
        QCOMPARE(m_generator.generate(schema, {}, 5), same.generate(schema, {}, 5));
        QVERIFY(m_generator.generate(schema, {}, 5) != m_generator.generate(schema, {}, 6));
        const SchemaExampleGenerator other(43, QDate(2026, 12, 2));
        QVERIFY(m_generator.generate(schema, {}, 5) != other.generate(schema, {}, 5));
        // The hash is the same in every process (no per-process hash seed).
        QCOMPARE(SchemaExampleGenerator::stableHash(QJsonObject{{u"a"_s, 1}}), Q_UINT64_C(0x9c3e82dd6fcae8b1));
        QCOMPARE(SchemaExampleGenerator::stableHash(QJsonValue(u"x"_s)), SchemaExampleGenerator::stableHash(QJsonValue(u"x"_s)));
        QVERIFY(SchemaExampleGenerator::stableHash(QJsonObject{{u"a"_s, 1}}) != SchemaExampleGenerator::stableHash(QJsonObject{{u"a"_s, 2}}));
    }

    void boundedOnRecursion()
    {
        // A self-similar schema nested deeper than the bound still ends.
        QJsonObject leaf{{u"type"_s, u"object"_s}, {u"properties"_s, QJsonObject{{u"name"_s, QJsonObject{{u"type"_s, u"string"_s}}}}}};
        QJsonObject schema = leaf;
        for (int i = 0; i < 30; ++i)
            schema = QJsonObject{{u"type"_s, u"object"_s}, {u"properties"_s, QJsonObject{{u"child"_s, schema}}}};
        const QJsonValue v = SchemaExampleGenerator(1, QDate(2026, 1, 1), 5).generate(schema);
        int depth = 0;
        for (QJsonObject o = v.toObject(); o.contains(u"child"_s); o = o.value(u"child"_s).toObject())
            ++depth;
        QVERIFY(depth <= 6);
    }
};

QTEST_GUILESS_MAIN(TestSchemaExampleGenerator)
#include "tst_schemaexamplegenerator.moc"
