#include "registry/fileandhttpfetcher.h"
#include "registry/refresolver.h"
#include "registry/sourcelocation.h"
#include "registrytestfiles.h"

#include <QJsonDocument>
#include <QTest>

using namespace m1;

namespace {

QJsonValue json(const char *text)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    return document.object();
}

} // namespace

// Documents used below (moc does not read raw strings inside a class body).
namespace {
const char *const kDoc1 = R"({
            "defs": {"a/b": "slash", "c~d": "tilde", "50%": "percent", "with space": "space"},
            "paths": {"/pets/{id}": {"get": "op"}},
            "list": ["first", "second"]
        })";
const char *const kDoc2 = R"({"type": "string"})";
const char *const kDoc3 = R"({
            "a": {"$ref": "#/b"}, "b": {"$ref": "#/c"}, "c": {"type": "integer"},
            "x": {"$ref": "#/y"}, "y": {"$ref": "#/x"}
        })";
const char *const kDoc4 = R"({"components": {"schemas": {}}})";
const char *const kDoc5 = R"({"$ref": 5})";
const char *const kDoc6 = R"({"definitions": {"Pet": {"type": "object", "title": "pet"}}})";
} // namespace

class TestRefResolver : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const SourceFetcher> m_fetcher = std::make_shared<FileAndHttpFetcher>(1000);

    static Located ref(const QString &document, const QString &target, const QString &pointer)
    {
        QJsonObject object;
        object.insert(QStringLiteral("$ref"), target);
        return Located { object, document, pointer };
    }

private Q_SLOTS:
    void followsEscapedPointers_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("expected");
        QTest::newRow("~1") << QStringLiteral("#/defs/a~1b") << QStringLiteral("slash");
        QTest::newRow("~0") << QStringLiteral("#/defs/c~0d") << QStringLiteral("tilde");
        QTest::newRow("%25") << QStringLiteral("#/defs/50%25") << QStringLiteral("percent");
        QTest::newRow("%7B%7D") << QStringLiteral("#/paths/~1pets~1%7Bid%7D/get")
                                << QStringLiteral("op");
        QTest::newRow("%20") << QStringLiteral("#/defs/with%20space") << QStringLiteral("space");
        QTest::newRow("array") << QStringLiteral("#/list/1") << QStringLiteral("second");
    }

    void followsEscapedPointers()
    {
        QFETCH(QString, reference);
        QFETCH(QString, expected);
        ErrorCollector errors;
        RefResolver resolver(m_fetcher, errors);
        resolver.addDocument(QStringLiteral("/mem/doc.json"), json(kDoc1));
        const auto target
            = resolver.deref(ref(QStringLiteral("/mem/doc.json"), reference, QStringLiteral("/x")));
        QVERIFY(target);
        QCOMPARE(target->value.toString(), expected);
        QCOMPARE(errors.count(), 0);
    }

    void notAReferenceIsReturnedAsIs()
    {
        ErrorCollector errors;
        RefResolver resolver(m_fetcher, errors);
        const Located plain { json(kDoc2), QStringLiteral("/mem/a"), QStringLiteral("/p") };
        const auto same = resolver.deref(plain);
        QVERIFY(same);
        QCOMPARE(same->pointer, QStringLiteral("/p"));
    }

    void followsChainsAndStopsLoops()
    {
        ErrorCollector errors;
        RefResolver resolver(m_fetcher, errors);
        const QString doc = QStringLiteral("/mem/doc.json");
        resolver.addDocument(doc, json(kDoc3));
        const auto end = resolver.deref(ref(doc, QStringLiteral("#/a"), QStringLiteral("/start")));
        QVERIFY(end);
        QCOMPARE(end->pointer, QStringLiteral("/c"));
        QCOMPARE(end->value.toObject().value(u"type").toString(), QStringLiteral("integer"));

        QVERIFY(!resolver.deref(ref(doc, QStringLiteral("#/x"), QStringLiteral("/start"))));
        QCOMPARE(errors.count(), 1);
        const LoadError e = errors.take().first();
        QVERIFY2(e.message.contains(u"loops"), qPrintable(e.message));
    }

    void danglingRefNamesWhereAndWhat()
    {
        ErrorCollector errors;
        errors.setDisplayName(QStringLiteral("/mem/doc.json"), QStringLiteral("doc.json"));
        RefResolver resolver(m_fetcher, errors);
        resolver.addDocument(QStringLiteral("/mem/doc.json"), json(kDoc4));
        const auto target = resolver.deref(
            ref(QStringLiteral("/mem/doc.json"), QStringLiteral("#/components/schemas/Missing"),
                QStringLiteral("/paths/~1pets/get/responses/200/schema")));
        QVERIFY(!target);
        const QList<LoadError> list = errors.take();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().source, QStringLiteral("doc.json"));
        QCOMPARE(list.first().pointer,
                 QStringLiteral("/paths/~1pets/get/responses/200/schema/$ref"));
        QCOMPARE(list.first().message,
                 QStringLiteral("cannot resolve '#/components/schemas/Missing': "
                                "'/components/schemas' has no member 'Missing'"));
    }

    void nonStringRefAndAnchorsAreErrors()
    {
        ErrorCollector errors;
        RefResolver resolver(m_fetcher, errors);
        resolver.addDocument(QStringLiteral("/mem/d"), json("{}"));
        const Located numberRef { json(kDoc5), QStringLiteral("/mem/d"), QStringLiteral("/s") };
        QVERIFY(!resolver.deref(numberRef));
        QVERIFY(!resolver.deref(
            ref(QStringLiteral("/mem/d"), QStringLiteral("#Pet"), QStringLiteral("/t"))));
        const QList<LoadError> list = errors.take();
        QCOMPARE(list.size(), 2);
        QVERIFY2(list[0].message.contains(u"expected a string (a URI reference), found a number"),
                 qPrintable(list[0].message));
        QVERIFY2(list[1].message.contains(u"only JSON-pointer fragments"),
                 qPrintable(list[1].message));
    }

    void externalFilesResolveRelativeToTheReferringFile()
    {
        QTemporaryDir dir;
        test::writeFile(dir, QStringLiteral("api/main.yaml"), "x: 1\n");
        test::writeFile(dir, QStringLiteral("api/common/schemas.yaml"),
                        "Pet:\n  $ref: '../shared/pet.json#/definitions/Pet'\n");
        test::writeFile(dir, QStringLiteral("api/shared/pet.json"), kDoc6);
        ErrorCollector errors;
        RefResolver resolver(m_fetcher, errors);
        const QString main
            = SourceLocation::documentKey(dir.filePath(QStringLiteral("api/main.yaml")));
        resolver.addDocument(main, json("{}"));
        const auto target = resolver.deref(
            ref(main, QStringLiteral("common/schemas.yaml#/Pet"), QStringLiteral("/a")));
        QVERIFY2(target, errors.count() ? qPrintable(errors.take().first().toString()) : "");
        QCOMPARE(target->value.toObject().value(u"title").toString(), QStringLiteral("pet"));
        QCOMPARE(target->document,
                 SourceLocation::documentKey(dir.filePath(QStringLiteral("api/shared/pet.json"))));
        QCOMPARE(target->pointer, QStringLiteral("/definitions/Pet"));

        const auto whole
            = resolver.deref(ref(main, QStringLiteral("./shared/pet.json"), QStringLiteral("/b")));
        QVERIFY(whole);
        QVERIFY(whole->value.toObject().contains(u"definitions"));
    }

    void missingExternalFileIsOneClearError()
    {
        QTemporaryDir dir;
        ErrorCollector errors;
        RefResolver resolver(m_fetcher, errors);
        const QString main = SourceLocation::documentKey(dir.filePath(QStringLiteral("main.yaml")));
        resolver.addDocument(main, json("{}"));
        QVERIFY(!resolver.deref(ref(main, QStringLiteral("nope.yaml#/A"), QStringLiteral("/a"))));
        QVERIFY(!resolver.deref(ref(main, QStringLiteral("nope.yaml#/A"), QStringLiteral("/a"))));
        const QList<LoadError> list = errors.take();
        QCOMPARE(list.size(), 1); // the same problem twice is listed once
        QVERIFY2(list.first().message.contains(dir.filePath(QStringLiteral("nope.yaml"))),
                 qPrintable(list.first().message));
        QVERIFY2(list.first().message.contains(u"file not found"),
                 qPrintable(list.first().message));
    }

    void brokenExternalFileReportsItsSyntaxError()
    {
        QTemporaryDir dir;
        test::writeFile(dir, QStringLiteral("bad.json"), "{\n\"a\": [1,\n");
        ErrorCollector errors;
        RefResolver resolver(m_fetcher, errors);
        const QString main = SourceLocation::documentKey(dir.filePath(QStringLiteral("main.yaml")));
        resolver.addDocument(main, json("{}"));
        QVERIFY(!resolver.deref(ref(main, QStringLiteral("bad.json#/a"), QStringLiteral("/a"))));
        const QList<LoadError> list = errors.take();
        QCOMPARE(list.size(), 1);
        QVERIFY2(list.first().message.contains(u"JSON syntax error at line"),
                 qPrintable(list.first().message));
    }
};

QTEST_GUILESS_MAIN(TestRefResolver)
#include "tst_refresolver.moc"
