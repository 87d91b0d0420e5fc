#include "registry/yamltojson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace m1;

class TestYamlToJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainScalarsAreTyped()
    {
        QVERIFY(YamlToJson::plainScalar(QStringLiteral("true")).isBool());
        QCOMPARE(YamlToJson::plainScalar(QStringLiteral("False")).toBool(true), false);
        QVERIFY(YamlToJson::plainScalar(QStringLiteral("~")).isNull());
        QVERIFY(YamlToJson::plainScalar(QStringLiteral("null")).isNull());
        QCOMPARE(YamlToJson::plainScalar(QStringLiteral("200")).toDouble(), 200.0);
        QCOMPARE(YamlToJson::plainScalar(QStringLiteral("-17")).toDouble(), -17.0);
        QCOMPARE(YamlToJson::plainScalar(QStringLiteral("0x1F")).toDouble(), 31.0);
        QCOMPARE(YamlToJson::plainScalar(QStringLiteral("0o17")).toDouble(), 15.0);
        QCOMPARE(YamlToJson::plainScalar(QStringLiteral("1.5e3")).toDouble(), 1500.0);
        QCOMPARE(YamlToJson::plainScalar(QStringLiteral(".5")).toDouble(), 0.5);
        // YAML 1.2: yes/no are words, and so are versions and infinities.
        QCOMPARE(YamlToJson::plainScalar(QStringLiteral("yes")).toString(), QStringLiteral("yes"));
        QCOMPARE(YamlToJson::plainScalar(QStringLiteral("3.0.0")).toString(),
                 QStringLiteral("3.0.0"));
        QCOMPARE(YamlToJson::plainScalar(QStringLiteral(".inf")).toString(),
                 QStringLiteral(".inf"));
        QCOMPARE(YamlToJson::plainScalar(QStringLiteral("1e")).toString(), QStringLiteral("1e"));
        QCOMPARE(YamlToJson::plainScalar(QStringLiteral("-")).toString(), QStringLiteral("-"));
        QVERIFY(
            YamlToJson::plainScalar(QStringLiteral("123456789012345678901234567890")).isDouble());
    }

    void quotedScalarsStayStrings()
    {
        const auto r = YamlToJson::convert(R"(
a: "true"
b: '200'
c: true
d: 200
e: ~
f:
g: !!str 12
h: "null"
)");
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QJsonObject o = r.value.toObject();
        QCOMPARE(o.value(u"a"), QJsonValue(QStringLiteral("true")));
        QCOMPARE(o.value(u"b"), QJsonValue(QStringLiteral("200")));
        QCOMPARE(o.value(u"c"), QJsonValue(true));
        QCOMPARE(o.value(u"d"), QJsonValue(200));
        QVERIFY(o.value(u"e").isNull());
        QVERIFY(o.value(u"f").isNull());
        QCOMPARE(o.value(u"g"), QJsonValue(QStringLiteral("12")));
        QCOMPARE(o.value(u"h"), QJsonValue(QStringLiteral("null")));
    }

    void mappingKeysBecomeStrings()
    {
        // docker's spec: unquoted integer response codes.
        const auto r = YamlToJson::convert(R"(
responses:
  200:
    description: ok
  404: {description: missing}
  true: yes-key
  1.5: float-key
)");
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QJsonObject responses = r.value.toObject().value(u"responses").toObject();
        QCOMPARE(responses.keys(),
                 (QStringList { QStringLiteral("1.5"), QStringLiteral("200"), QStringLiteral("404"),
                                QStringLiteral("true") }));
        QCOMPARE(responses.value(u"200").toObject().value(u"description").toString(),
                 QStringLiteral("ok"));
    }

    void sequencesAndFlowStyle()
    {
        const auto r = YamlToJson::convert("list: [1, two, {x: null}]\nempty: []\nmap: {}\n");
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QJsonArray list = r.value.toObject().value(u"list").toArray();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(0), QJsonValue(1));
        QCOMPARE(list.at(1), QJsonValue(QStringLiteral("two")));
        QVERIFY(list.at(2).toObject().value(u"x").isNull());
        QVERIFY(r.value.toObject().value(u"empty").toArray().isEmpty());
        QVERIFY(r.value.toObject().value(u"map").isObject());
    }

    void anchorsAliasesAndMergeKeys()
    {
        const auto r = YamlToJson::convert(R"(
base: &base
  type: string
  format: uuid
copy: *base
merged:
  <<: *base
  format: email
)");
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QJsonObject o = r.value.toObject();
        QCOMPARE(o.value(u"copy"), o.value(u"base"));
        const QJsonObject merged = o.value(u"merged").toObject();
        QCOMPARE(merged.value(u"type").toString(), QStringLiteral("string"));
        QCOMPARE(merged.value(u"format").toString(), QStringLiteral("email")); // explicit key wins
        QVERIFY(!merged.contains(u"<<"));
    }

    void aliasBombStopsAtTheNodeLimit()
    {
        QByteArray bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        char previous = 'a';
        for (char name = 'b'; name <= 'k'; ++name) {
            bomb += QByteArray(1, name) + ": &" + QByteArray(1, name) + " [";
            for (int i = 0; i < 10; ++i)
                bomb += (i ? ", *" : "*") + QByteArray(1, previous);
            bomb += "]\n";
            previous = name;
        }
        const auto r = YamlToJson::convert(bomb, YamlToJson::Limits { 200, 1'000'000 });
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"alias"), qPrintable(r.error));
        QVERIFY(r.line > 0);
    }

    void deepNestingIsRefused()
    {
        const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
        const auto r = YamlToJson::convert(deep);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"nesting deeper than 200"), qPrintable(r.error));
    }

    void syntaxErrorsCarryLineAndColumn()
    {
        const auto r = YamlToJson::convert("a: 1\nb: [1, 2\nc: 3\n");
        QVERIFY(!r.ok());
        QVERIFY(r.line >= 2);
        QVERIFY(r.column > 0);
        QVERIFY2(
            r.error.startsWith(QStringLiteral("line %1, column %2: ").arg(r.line).arg(r.column)),
            qPrintable(r.error));

        const auto tabs = YamlToJson::convert("a:\n\t- b\n");
        QVERIFY(!tabs.ok());
    }

    void complexKeysAreAnErrorNotACrash()
    {
        const auto r = YamlToJson::convert("? [a, b]\n: value\n");
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"mapping keys"), qPrintable(r.error));
    }

    void onlyTheFirstDocumentCounts()
    {
        const auto r = YamlToJson::convert("a: 1\n---\nb: 2\n");
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value.toObject().keys(), QStringList { QStringLiteral("a") });
    }

    void emptyInputIsNull()
    {
        const auto r = YamlToJson::convert(QByteArray());
        QVERIFY(r.ok());
        QVERIFY(r.value.isNull());
    }
};

QTEST_GUILESS_MAIN(TestYamlToJson)
#include "tst_yamltojson.moc"
