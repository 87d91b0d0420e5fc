#include "registry/fileandhttpfetcher.h"
#include "registry/schemaflattener.h"

#include <QJsonDocument>
#include <QTest>

using namespace m1;

namespace {

struct Fixture
{
    explicit Fixture(const char *schemas, RegistryLoadOptions opts = {})
        : options(opts)
        , resolver(std::make_shared<FileAndHttpFetcher>(1000), errors)
        , normalizer(resolver, errors)
        , flattener(normalizer, options)
    {
        QJsonObject root;
        root.insert(QStringLiteral("s"), QJsonDocument::fromJson(schemas).object());
        document = root;
        resolver.addDocument(QStringLiteral("/mem/spec.json"), document);
    }
    Located at(const QString &name) const
    {
        return Located { document, QStringLiteral("/mem/spec.json"), QString() }
            .member(QStringLiteral("s"))
            .member(name);
    }
    QStringList fieldNames(const QString &name, bool required)
    {
        QStringList out;
        for (const ToolParameter &p :
             flattener.bodyFields(at(name), required, QStringLiteral("body")))
            out.append(p.name + (p.required ? QStringLiteral("*") : QString()));
        return out;
    }

    RegistryLoadOptions options;
    ErrorCollector errors;
    RefResolver resolver;
    SchemaNormalizer normalizer;
    SchemaFlattener flattener;
    QJsonValue document;
};

const char *kFleet = R"({
    "Booking": {"type": "object", "required": ["vehicle", "from"],
        "properties": {
            "from": {"type": "string", "format": "date-time", "description": "start"},
            "note": {"type": ["string", "null"]},
            "vehicle": {"$ref": "#/s/VehicleRef"},
            "driver": {"$ref": "#/s/Driver"},
            "stops": {"type": "array", "items": {"$ref": "#/s/Driver"}}}},
    "VehicleRef": {"type": "object", "required": ["plate"],
        "properties": {"plate": {"type": "string"}, "kind": {"type": "string", "enum": ["car", "van"], "default": "car"}}},
    "Driver": {"type": "object", "required": ["id"],
        "properties": {"id": {"type": "integer"}, "manager": {"$ref": "#/s/Driver"}}},
    "Tree": {"type": "object", "properties": {"name": {"type": "string"},
        "children": {"type": "array", "items": {"$ref": "#/s/Tree"}}, "parent": {"$ref": "#/s/Tree"}}},
    "List": {"type": "array", "items": {"$ref": "#/s/Driver"}},
    "Text": {"type": "string", "format": "binary"},
    "Nothing": {"type": "object", "properties": {}},
    "Map": {"type": "object", "additionalProperties": {"type": "string"}},
    "Deep": {"type": "object", "properties": {"a": {"type": "object", "properties": {"b": {"type": "object",
        "properties": {"c": {"type": "object", "properties": {"d": {"type": "object",
        "properties": {"e": {"type": "object", "properties": {"f": {"type": "string"}}}}}}}}}}}}},
    "Expandable": {"type": "object", "properties": {"customer": {"anyOf": [{"type": "string"}, {"$ref": "#/s/Driver"}]}}}
})";

} // namespace

class TestSchemaFlattener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodyFieldsAreDottedLeaves()
    {
        Fixture f(kFleet);
        const QList<ToolParameter> fields
            = f.flattener.bodyFields(f.at(QStringLiteral("Booking")), true, QStringLiteral("body"));
        QStringList names;
        for (const ToolParameter &p : fields)
            names.append(p.name);
        // driver.manager is a Driver inside a Driver: recursion, so it stays one object field.
        QCOMPARE(
            names,
            (QStringList { QStringLiteral("driver.id"), QStringLiteral("driver.manager"),
                           QStringLiteral("from"), QStringLiteral("note"), QStringLiteral("stops"),
                           QStringLiteral("vehicle.kind"), QStringLiteral("vehicle.plate") }));
        QCOMPARE(fields[1].type, QStringLiteral("object"));
        const ToolParameter &from = fields[2];
        QCOMPARE(from.location, ParamLocation::Body);
        QCOMPARE(from.type, QStringLiteral("string"));
        QCOMPARE(from.format, QStringLiteral("date-time"));
        QCOMPARE(from.description, QStringLiteral("start"));
        QVERIFY(fields[3].nullable);
        QCOMPARE(fields[4].type, QStringLiteral("array")); // arrays are one field, not descended
        QCOMPARE(fields[5].enumValues,
                 (QStringList { QStringLiteral("car"), QStringLiteral("van") }));
        QCOMPARE(fields[5].defaultValue, QJsonValue(QStringLiteral("car")));
        QVERIFY(fields[2].defaultValue.isUndefined()); // no default given, not "null"
        QVERIFY(fields[1].defaultValue.isUndefined()); // a recursion cut has none either
        QCOMPARE(f.errors.count(), 0);
    }

    void requiredOnlyWhereEveryParentIsRequired()
    {
        Fixture f(kFleet);
        // vehicle is required and plate is required inside it; driver is optional, so its
        // required id is not required for the request.
        QCOMPARE(
            f.fieldNames(QStringLiteral("Booking"), true),
            (QStringList { QStringLiteral("driver.id"), QStringLiteral("driver.manager"),
                           QStringLiteral("from*"), QStringLiteral("note"), QStringLiteral("stops"),
                           QStringLiteral("vehicle.kind"), QStringLiteral("vehicle.plate*") }));
        // An optional body makes nothing required.
        for (const QString &name : f.fieldNames(QStringLiteral("Booking"), false))
            QVERIFY2(!name.endsWith(u'*'), qPrintable(name));
    }

    void recursionStopsAtAnAncestor()
    {
        Fixture f(kFleet);
        QCOMPARE(f.fieldNames(QStringLiteral("Tree"), true),
                 (QStringList { QStringLiteral("children"), QStringLiteral("name"),
                                QStringLiteral("parent") }));
    }

    void nonObjectBodiesAreOneField()
    {
        Fixture f(kFleet);
        const QList<ToolParameter> text
            = f.flattener.bodyFields(f.at(QStringLiteral("Text")), true, QStringLiteral("upload"));
        QCOMPARE(text.size(), 1);
        QCOMPARE(text.first().name, QStringLiteral("upload"));
        QVERIFY(text.first().required);
        QCOMPARE(text.first().format, QStringLiteral("binary"));
        QCOMPARE(f.fieldNames(QStringLiteral("List"), true),
                 QStringList { QStringLiteral("body*") });
        QCOMPARE(f.fieldNames(QStringLiteral("Map"), false),
                 QStringList { QStringLiteral("body") });
        QVERIFY(f.fieldNames(QStringLiteral("Nothing"), true).isEmpty());
    }

    void depthIsBounded()
    {
        RegistryLoadOptions options;
        options.maxBodyDepth = 3;
        Fixture f(kFleet, options);
        QCOMPARE(f.fieldNames(QStringLiteral("Deep"), false),
                 QStringList { QStringLiteral("a.b.c") });
        const QList<ToolParameter> fields
            = f.flattener.bodyFields(f.at(QStringLiteral("Deep")), false, QStringLiteral("body"));
        QCOMPARE(fields.first().type, QStringLiteral("object"));
    }

    void fieldCapKeepsShallowFields()
    {
        RegistryLoadOptions options;
        options.maxFieldsPerTool = 3;
        Fixture f(kFleet, options);
        QCOMPARE(f.fieldNames(QStringLiteral("Booking"), true),
                 (QStringList { QStringLiteral("from*"), QStringLiteral("note"),
                                QStringLiteral("stops") }));
        QCOMPARE(f.flattener.outputKeys(f.at(QStringLiteral("Booking"))),
                 (QStringList { QStringLiteral("driver"), QStringLiteral("from"),
                                QStringLiteral("note") }));
    }

    void idOrObjectUnionsKeepBothForms()
    {
        Fixture f(kFleet);
        QCOMPARE(f.fieldNames(QStringLiteral("Expandable"), true),
                 (QStringList { QStringLiteral("customer"), QStringLiteral("customer.id"),
                                QStringLiteral("customer.manager.id"),
                                QStringLiteral("customer.manager.manager") }));
        const QList<ToolParameter> fields = f.flattener.bodyFields(
            f.at(QStringLiteral("Expandable")), true, QStringLiteral("body"));
        QCOMPARE(fields.first().type, QStringLiteral("string"));
        QVERIFY(!fields.first().required);
    }

    void outputKeysNestAndSeeThroughArrays()
    {
        Fixture f(kFleet);
        QCOMPARE(f.flattener.outputKeys(f.at(QStringLiteral("Booking"))),
                 (QStringList { QStringLiteral("driver"), QStringLiteral("driver.id"),
                                QStringLiteral("driver.manager"), QStringLiteral("from"),
                                QStringLiteral("note"), QStringLiteral("stops"),
                                QStringLiteral("stops.id"), QStringLiteral("stops.manager"),
                                QStringLiteral("vehicle"), QStringLiteral("vehicle.kind"),
                                QStringLiteral("vehicle.plate") }));
        // A top-level array response lists the fields of its items.
        QCOMPARE(f.flattener.outputKeys(f.at(QStringLiteral("List"))),
                 (QStringList { QStringLiteral("id"), QStringLiteral("manager") }));
        QVERIFY(f.flattener.outputKeys(f.at(QStringLiteral("Text"))).isEmpty());
    }

    void outputDepthIsBounded()
    {
        RegistryLoadOptions options;
        options.maxOutputDepth = 2;
        Fixture f(kFleet, options);
        QCOMPARE(f.flattener.outputKeys(f.at(QStringLiteral("Deep"))),
                 (QStringList { QStringLiteral("a"), QStringLiteral("a.b") }));
        QCOMPARE(f.flattener.outputKeys(f.at(QStringLiteral("Tree"))),
                 (QStringList { QStringLiteral("children"), QStringLiteral("name"),
                                QStringLiteral("parent") }));
    }
};

QTEST_GUILESS_MAIN(TestSchemaFlattener)
#include "tst_schemaflattener.moc"
