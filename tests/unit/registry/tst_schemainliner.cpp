#include "registry/fileandhttpfetcher.h"
#include "registry/schemainliner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

// Kept outside the class: moc does not read raw strings reliably inside a class body.
const char *const kSchemas = R"({
    "Vehicle": {"type": "object", "required": ["plate"], "example": {"plate": "ZG-1234-AB"},
        "properties": {
            "plate": {"type": "string"},
            "km": {"type": ["integer", "null"], "format": "int64"},
            "owner": {"$ref": "#/s/Person"},
            "trips": {"type": "array", "items": {"$ref": "#/s/Trip"}}}},
    "Person": {"allOf": [{"$ref": "#/s/Named"}, {"properties": {"boss": {"$ref": "#/s/Person"}}}]},
    "Named": {"type": "object", "properties": {"name": {"type": "string", "default": "n/a"}}},
    "Trip": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["private", "business"]},
        "vehicle": {"$ref": "#/s/Vehicle"}}}
})";

struct Fixture
{
    explicit Fixture(int depth)
        : resolver(std::make_shared<FileAndHttpFetcher>(1000), errors)
        , normalizer(resolver, errors)
        , inliner(normalizer, depth)
    {
        QJsonObject root;
        root.insert(u"s"_s, QJsonDocument::fromJson(kSchemas).object());
        document = root;
        resolver.addDocument(u"/mem/spec.json"_s, document);
    }
    QJsonObject inlined(const QString &name)
    {
        return inliner.inlined(
            Located { document, u"/mem/spec.json"_s, QString() }.member(u"s"_s).member(name));
    }

    ErrorCollector errors;
    RefResolver resolver;
    SchemaNormalizer normalizer;
    SchemaInliner inliner;
    QJsonValue document;
};

QJsonObject at(const QJsonObject &schema, const QStringList &path)
{
    QJsonObject current = schema;
    for (const QString &step : path)
        current = step == u"[]" ? current.value(u"items").toObject()
                                : current.value(u"properties").toObject().value(step).toObject();
    return current;
}

} // namespace

class TestSchemaInliner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refsAndAllOfAreWrittenOut()
    {
        Fixture f(4);
        const QJsonObject vehicle = f.inlined(u"Vehicle"_s);
        QCOMPARE(vehicle.value(u"type").toString(), u"object"_s);
        QCOMPARE(vehicle.value(u"required").toArray(), QJsonArray { u"plate"_s });
        QCOMPARE(vehicle.value(u"example").toObject().value(u"plate").toString(), u"ZG-1234-AB"_s);
        const QJsonObject km = at(vehicle, { u"km"_s });
        QCOMPARE(km.value(u"type").toString(), u"integer"_s);
        QCOMPARE(km.value(u"nullable"), QJsonValue(true));
        QCOMPARE(km.value(u"format").toString(), u"int64"_s);
        // Person = Named + boss, through allOf and $ref.
        const QJsonObject owner = at(vehicle, { u"owner"_s });
        QCOMPARE(at(owner, { u"name"_s }).value(u"default").toString(), u"n/a"_s);
        QVERIFY(!owner.contains(u"$ref"));
        QCOMPARE(at(vehicle, { u"trips"_s, u"[]"_s, u"kind"_s }).value(u"enum").toArray().size(),
                 2);
        QCOMPARE(f.errors.count(), 0);
    }

    void recursionIsCut()
    {
        Fixture f(10);
        const QJsonObject vehicle = f.inlined(u"Vehicle"_s);
        // Vehicle -> trips[] -> vehicle is the same schema again: typed, not expanded.
        const QJsonObject again = at(vehicle, { u"trips"_s, u"[]"_s, u"vehicle"_s });
        QCOMPARE(again.value(u"type").toString(), u"object"_s);
        QVERIFY(!again.contains(u"properties"));
        const QJsonObject boss = at(vehicle, { u"owner"_s, u"boss"_s });
        QVERIFY(!boss.contains(u"properties"));
    }

    void depthIsBounded()
    {
        Fixture one(1);
        const QJsonObject shallow = one.inlined(u"Vehicle"_s);
        QVERIFY(shallow.contains(u"properties"));
        QCOMPARE(at(shallow, { u"owner"_s }).value(u"type").toString(), u"object"_s);
        QVERIFY(!at(shallow, { u"owner"_s }).contains(u"properties"));
        QCOMPARE(at(shallow, { u"trips"_s }).value(u"type").toString(), u"array"_s);

        // Arrays are not a level of their own: at depth 2 the trips' fields are still there.
        Fixture two(2);
        const QJsonObject deeper = two.inlined(u"Vehicle"_s);
        QCOMPARE(at(deeper, { u"trips"_s, u"[]"_s, u"kind"_s }).value(u"type").toString(),
                 u"string"_s);
        QVERIFY(!at(deeper, { u"owner"_s, u"boss"_s }).contains(u"properties"));
        QCOMPARE(at(deeper, { u"owner"_s, u"name"_s }).value(u"type").toString(), u"string"_s);
    }
};

QTEST_GUILESS_MAIN(TestSchemaInliner)
#include "tst_schemainliner.moc"
