#include "registry/jsonpointer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace m1;

class TestJsonPointer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesTildeBeforeSlash()
    {
        QCOMPARE(JsonPointer::escape(u"a/b~c"), QStringLiteral("a~1b~0c"));
        QCOMPARE(JsonPointer::escape(u"/pets/{id}"), QStringLiteral("~1pets~1{id}"));
        QCOMPARE(JsonPointer::append(QStringLiteral("/paths"), u"/pets"),
                 QStringLiteral("/paths/~1pets"));
        QCOMPARE(JsonPointer::append(QStringLiteral("/parameters"), 3),
                 QStringLiteral("/parameters/3"));
    }

    void splitUnescapesInTheRightOrder()
    {
        QStringList tokens;
        QString error;
        QVERIFY(JsonPointer::split(QStringLiteral("/a~1b/c~0d/~01"), &tokens, &error));
        // "~01" is "~" followed by "1", never "/".
        QCOMPARE(
            tokens,
            (QStringList { QStringLiteral("a/b"), QStringLiteral("c~d"), QStringLiteral("~1") }));
        QVERIFY(JsonPointer::split(QString(), &tokens, &error));
        QVERIFY(tokens.isEmpty());
        QVERIFY(JsonPointer::split(QStringLiteral("/"), &tokens, &error));
        QCOMPARE(tokens, QStringList { QString() });
    }

    void splitRejectsBadPointers()
    {
        QStringList tokens;
        QString error;
        QVERIFY(!JsonPointer::split(QStringLiteral("a/b"), &tokens, &error));
        QVERIFY(error.contains(u"start with '/'"));
        QVERIFY(!JsonPointer::split(QStringLiteral("/a~2"), &tokens, &error));
        QVERIFY(error.contains(u"'~' must be followed by 0 or 1"));
        QVERIFY(!JsonPointer::split(QStringLiteral("/a~"), &tokens, &error));
    }

    void uriFragmentsArePercentDecoded()
    {
        QCOMPARE(JsonPointer::fromUriFragment(u"/paths/~1pets~1%7Bid%7D"),
                 QStringLiteral("/paths/~1pets~1{id}"));
        QCOMPARE(JsonPointer::fromUriFragment(u"/definitions/50%25"),
                 QStringLiteral("/definitions/50%"));
        QCOMPARE(JsonPointer::fromUriFragment(u"/definitions/A%20B"),
                 QStringLiteral("/definitions/A B"));
        QCOMPARE(JsonPointer::fromUriFragment(u"/plain"), QStringLiteral("/plain"));
    }

    void resolvesIntoObjectsAndArrays()
    {
        const QJsonValue root = QJsonDocument::fromJson(R"({
            "paths": {"/pets/{id}": {"get": {"parameters": [{"name": "id"}, {"name": "x"}]}}},
            "a~b": {"50%": 7}
        })")
                                    .object();
        QString error;
        const auto name = JsonPointer::resolve(
            root, QStringLiteral("/paths/~1pets~1{id}/get/parameters/1/name"), &error);
        QVERIFY2(name, qPrintable(error));
        QCOMPARE(name->toString(), QStringLiteral("x"));
        const auto seven = JsonPointer::resolve(root, QStringLiteral("/a~0b/50%"), &error);
        QVERIFY2(seven, qPrintable(error));
        QCOMPARE(seven->toInt(), 7);
        const auto whole = JsonPointer::resolve(root, QString(), &error);
        QVERIFY(whole && whole->isObject());
    }

    void resolveSaysWhatIsMissing()
    {
        const QJsonValue root
            = QJsonDocument::fromJson(R"({"a": {"b": [1, 2]}, "s": "text"})").object();
        QString error;
        QVERIFY(!JsonPointer::resolve(root, QStringLiteral("/a/c"), &error));
        QCOMPARE(error, QStringLiteral("'/a' has no member 'c'"));
        QVERIFY(!JsonPointer::resolve(root, QStringLiteral("/a/b/5"), &error));
        QVERIFY2(error.contains(u"has no element '5' (it has 2)"), qPrintable(error));
        QVERIFY(!JsonPointer::resolve(root, QStringLiteral("/s/x"), &error));
        QVERIFY2(error.contains(u"found a string"), qPrintable(error));
        QVERIFY(!JsonPointer::resolve(root, QStringLiteral("/zz"), &error));
        QCOMPARE(error, QStringLiteral("'#' has no member 'zz'"));
    }
};

QTEST_GUILESS_MAIN(TestJsonPointer)
#include "tst_jsonpointer.moc"
