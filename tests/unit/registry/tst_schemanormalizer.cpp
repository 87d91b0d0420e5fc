#include "registry/fileandhttpfetcher.h"
#include "registry/schemanormalizer.h"

#include <QJsonDocument>
#include <QTest>

using namespace m1;

namespace {

// One in-memory document with schemas under /s/<name>.
struct Fixture
{
    explicit Fixture(const char *schemas)
        : resolver(std::make_shared<FileAndHttpFetcher>(1000), errors)
        , normalizer(resolver, errors)
    {
        QJsonParseError error {};
        const QJsonObject s = QJsonDocument::fromJson(schemas, &error).object();
        QJsonObject root;
        root.insert(QStringLiteral("s"), s);
        document = root;
        resolver.addDocument(QStringLiteral("/mem/spec.json"), document);
    }
    Located at(const QString &name) const
    {
        return Located { document, QStringLiteral("/mem/spec.json"), QString() }
            .member(QStringLiteral("s"))
            .member(name);
    }
    SchemaPtr schema(const QString &name) { return normalizer.normalize(at(name)); }
    static QStringList names(const NormalizedSchema &s)
    {
        QStringList out;
        for (const NamedSchema &p : s.properties)
            out.append(p.name);
        return out;
    }

    ErrorCollector errors;
    RefResolver resolver;
    SchemaNormalizer normalizer;
    QJsonValue document;
};

} // namespace

// Documents used below (moc does not read raw strings inside a class body).
namespace {
const char *const kDoc1 = R"({
            "NewPet": {"type": "object", "required": ["name"],
                       "properties": {"name": {"type": "string"}, "tag": {"type": "string"}}},
            "Pet": {"description": "A pet", "allOf": [{"$ref": "#/s/NewPet"},
                    {"required": ["id"], "properties": {"id": {"type": "integer", "format": "int64"}}}]}
        })";
const char *const kDoc2 = R"({
            "Card": {"type": "object", "required": ["number"], "properties": {"number": {"type": "string"}}},
            "Bank": {"type": "object", "required": ["iban"], "properties": {"iban": {"type": "string"}}},
            "Source": {"oneOf": [{"$ref": "#/s/Card"}, {"$ref": "#/s/Bank"}]},
            "IdOrCard": {"anyOf": [{"type": "string", "maxLength": 5000}, {"$ref": "#/s/Card"}]},
            "Size": {"anyOf": [{"type": "string", "enum": ["s", "m"]}, {"type": "string", "enum": ["l"]}]},
            "MaybeInt": {"oneOf": [{"type": "integer"}, {"type": "null"}]}
        })";
const char *const kDoc3 = R"({
            "A": {"type": ["string", "null"], "format": "date-time"},
            "B": {"type": ["null", "integer"]},
            "C": {"type": "string", "nullable": true},
            "D": {"type": "string", "x-nullable": true},
            "E": {"type": "null"},
            "F": {"type": "string", "enum": ["a", null]}
        })";
const char *const kDoc4 = R"({
            "Id": {"type": "string", "description": "generic id"},
            "UseId": {"$ref": "#/s/Id", "description": "the driver id"},
            "Plain": {"$ref": "#/s/Id"}
        })";
const char *const kDoc5 = R"({
            "Node": {"type": "object", "properties": {"child": {"$ref": "#/s/Node"}, "name": {"type": "string"}}},
            "Loop": {"allOf": [{"$ref": "#/s/Loop2"}, {"properties": {"a": {"type": "string"}}}]},
            "Loop2": {"allOf": [{"$ref": "#/s/Loop"}, {"properties": {"b": {"type": "string"}}}]},
            "Self": {"$ref": "#/s/Self"}
        })";
const char *const kDoc6 = R"({
            "Props": {"type": "object", "properties": {
                "$ref": {"type": "string"},
                "$schema": {"type": "string"},
                "example": {"type": "object"}},
                "example": {"$ref": "#/does/not/exist"},
                "default": {"$ref": "#/nor/this"},
                "enum": [{"$ref": "#/x"}]}
        })";
const char *const kDoc7 = R"({
            "Bad": {"type": 5, "properties": "name", "required": true, "items": "x", "enum": "a"},
            "BadAllOf": {"allOf": {"type": "string"}},
            "NotASchema": "string"
        })";
const char *const kDoc8 = R"({"T": true, "F": false})";
} // namespace

class TestSchemaNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allOfMergesPropertiesAndRequired()
    {
        Fixture f(kDoc1);
        const SchemaPtr pet = f.schema(QStringLiteral("Pet"));
        QCOMPARE(pet->type, QStringLiteral("object"));
        QCOMPARE(pet->description, QStringLiteral("A pet"));
        QCOMPARE(
            Fixture::names(*pet),
            (QStringList { QStringLiteral("name"), QStringLiteral("tag"), QStringLiteral("id") }));
        QCOMPARE(pet->required, (QSet<QString> { QStringLiteral("name"), QStringLiteral("id") }));
        QCOMPARE(f.errors.count(), 0);
    }

    void oneOfAndAnyOfAreOptionalUnions()
    {
        Fixture f(kDoc2);
        const SchemaPtr source = f.schema(QStringLiteral("Source"));
        QCOMPARE(source->type, QStringLiteral("object"));
        QCOMPARE(Fixture::names(*source),
                 (QStringList { QStringLiteral("number"), QStringLiteral("iban") }));
        QVERIFY(source->required.isEmpty());

        const SchemaPtr idOrCard = f.schema(QStringLiteral("IdOrCard"));
        QCOMPARE(idOrCard->type, QStringLiteral("object"));
        QCOMPARE(idOrCard->scalarAlternative, QStringLiteral("string"));
        QVERIFY(idOrCard->required.isEmpty());

        const SchemaPtr size = f.schema(QStringLiteral("Size"));
        QCOMPARE(size->type, QStringLiteral("string"));
        QCOMPARE(size->enumValues,
                 (QStringList { QStringLiteral("s"), QStringLiteral("m"), QStringLiteral("l") }));

        const SchemaPtr maybe = f.schema(QStringLiteral("MaybeInt"));
        QCOMPARE(maybe->type, QStringLiteral("integer"));
        QVERIFY(maybe->nullable);
    }

    void typeArraysAndNullable()
    {
        Fixture f(kDoc3);
        QCOMPARE(f.schema(QStringLiteral("A"))->type, QStringLiteral("string"));
        QVERIFY(f.schema(QStringLiteral("A"))->nullable);
        QCOMPARE(f.schema(QStringLiteral("A"))->format, QStringLiteral("date-time"));
        QCOMPARE(f.schema(QStringLiteral("B"))->type, QStringLiteral("integer"));
        QVERIFY(f.schema(QStringLiteral("B"))->nullable);
        QVERIFY(f.schema(QStringLiteral("C"))->nullable);
        QVERIFY(f.schema(QStringLiteral("D"))->nullable);
        QVERIFY(f.schema(QStringLiteral("E"))->nullable);
        QCOMPARE(f.schema(QStringLiteral("F"))->enumValues, QStringList { QStringLiteral("a") });
        QVERIFY(f.schema(QStringLiteral("F"))->nullable);
        QVERIFY(!f.schema(QStringLiteral("A"))->hasProperties());
    }

    void refSiblingDescriptionIsKept()
    {
        Fixture f(kDoc4);
        const SchemaPtr use = f.schema(QStringLiteral("UseId"));
        QCOMPARE(use->description, QStringLiteral("the driver id"));
        QCOMPARE(use->type, QStringLiteral("string"));
        QCOMPARE(f.schema(QStringLiteral("Plain")),
                 f.schema(QStringLiteral("Id"))); // shared, not copied
        QCOMPARE(f.schema(QStringLiteral("Id"))->description, QStringLiteral("generic id"));
    }

    void recursiveSchemasTerminate()
    {
        Fixture f(kDoc5);
        const SchemaPtr node = f.schema(QStringLiteral("Node"));
        QCOMPARE(Fixture::names(*node),
                 (QStringList { QStringLiteral("child"), QStringLiteral("name") }));
        const SchemaPtr child = f.normalizer.normalize(node->properties.first().schema);
        QCOMPARE(child->identity, node->identity); // same schema: callers can see the cycle

        const SchemaPtr loop = f.schema(QStringLiteral("Loop"));
        QVERIFY(Fixture::names(*loop).contains(QStringLiteral("a")));
        QVERIFY(Fixture::names(*loop).contains(QStringLiteral("b")));

        f.schema(QStringLiteral("Self"));
        const QList<LoadError> errors = f.errors.take();
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().message.contains(u"loops"), qPrintable(errors.first().message));
    }

    void propertyNamedRefIsAProperty()
    {
        // kubernetes' JSONSchemaProps has a property literally called "$ref"; examples may hold
        // "$ref" keys too. Neither is a reference, and neither may produce an error.
        Fixture f(kDoc6);
        const SchemaPtr props = f.schema(QStringLiteral("Props"));
        QCOMPARE(Fixture::names(*props),
                 (QStringList { QStringLiteral("$ref"), QStringLiteral("$schema"),
                                QStringLiteral("example") }));
        QCOMPARE(f.normalizer.normalize(props->properties.first().schema)->type,
                 QStringLiteral("string"));
        QCOMPARE(f.errors.count(), 0);
    }

    void wrongTypesAreErrorsWithPointers()
    {
        Fixture f(kDoc7);
        f.schema(QStringLiteral("Bad"));
        f.schema(QStringLiteral("BadAllOf"));
        f.schema(QStringLiteral("NotASchema"));
        QStringList lines;
        for (const LoadError &e : f.errors.take())
            lines.append(e.pointer + u' ' + e.message);
        lines.sort();
        QCOMPARE(
            lines,
            (QStringList {
                QStringLiteral("/s/Bad/enum expected an array of allowed values, found a string"),
                QStringLiteral("/s/Bad/items expected a schema object, found a string"),
                QStringLiteral("/s/Bad/properties expected an object mapping property names to "
                               "schemas, found a string"),
                QStringLiteral(
                    "/s/Bad/required expected an array of property names, found a boolean"),
                QStringLiteral(
                    "/s/Bad/type expected a type name or an array of type names, found a number"),
                QStringLiteral(
                    "/s/BadAllOf/allOf expected an array of schemas for allOf, found an object"),
                QStringLiteral("/s/NotASchema expected a schema object, found a string"),
            }));
    }

    void booleanSchemasAreEmpty()
    {
        Fixture f(kDoc8);
        QVERIFY(f.schema(QStringLiteral("T"))->type.isEmpty());
        QCOMPARE(f.errors.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSchemaNormalizer)
#include "tst_schemanormalizer.moc"
