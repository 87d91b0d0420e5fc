// ScoringConfig: the bundled file loads; partial overrides apply; mistakes are reported with the
// file, the JSON pointer and what was expected, and leave the configuration unchanged.
// ToolDocumentation's errors are checked here too (same kind of file, same rules).

#include "search/scoringconfig.h"
#include "search/tooldocumentation.h"

#include <QJsonDocument>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestScoringConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundledFileLoads();
    void partialOverride();
    void errors_data();
    void errors();
    void roundTrip();
    void documentation();
};

void TestScoringConfig::bundledFileLoads()
{
    ScoringConfig config;
    QString error;
    QVERIFY2(ScoringConfig::load(QStringLiteral(M1_SOURCE_DIR "/resources/config/scoring.json"),
                                 &config, &error),
             qPrintable(error));
    QVERIFY(config.actThreshold >= config.abstainThreshold);
    QVERIFY(!ScoringConfig::load(u"/nonexistent/scoring.json"_s, &config, &error));
    QVERIFY(error.contains(u"cannot be read"_s));
}

void TestScoringConfig::partialOverride()
{
    ScoringConfig config;
    const float lexical = config.lexicalWeight;
    QString error;
    QVERIFY(config.apply(
        QJsonDocument::fromJson(R"({"fusion": {"dense": 0.9}, "thresholds": {"act": 0.5}})")
            .object(),
        u"override"_s, &error));
    QCOMPARE(config.denseWeight, 0.9f);
    QCOMPARE(config.actThreshold, 0.5f);
    QCOMPARE(config.lexicalWeight, lexical);
}

void TestScoringConfig::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown section")
        << QByteArray(R"({"fusoin": {}})") << u"s.json: /fusoin is not a scoring setting"_s;
    QTest::newRow("unknown key") << QByteArray(R"({"fusion": {"dens": 1}})")
                                 << u"s.json: /fusion/dens is not a known setting"_s;
    QTest::newRow("wrong type") << QByteArray(R"({"docs": {"weight": "high"}})")
                                << u"s.json: /docs/weight must be a number, not a string"_s;
    QTest::newRow("section type") << QByteArray(R"({"docs": 3})")
                                  << u"s.json: /docs must be an object, not a number"_s;
    QTest::newRow("range") << QByteArray(R"({"lexical": {"b": 2}})")
                           << u"s.json: /lexical/b is 2; expected a value from 0 to 1"_s;
    QTest::newRow("integer") << QByteArray(R"({"fusion": {"candidates": 2.5}})")
                             << u"s.json: /fusion/candidates is 2.5; expected a whole number"_s;
    QTest::newRow("fusion method")
        << QByteArray(R"({"fusion": {"method": "max"}})")
        << u"s.json: /fusion/method is \"max\"; expected \"linear\" or \"rrf\""_s;
    QTest::newRow("threshold order")
        << QByteArray(R"({"thresholds": {"abstain": 0.9, "act": 0.5}})")
        << u"s.json: /thresholds/abstain (0.9) must not be above /thresholds/act (0.5)"_s;
}

void TestScoringConfig::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    ScoringConfig config;
    const ScoringConfig before = config;
    QString error;
    QVERIFY(!config.apply(QJsonDocument::fromJson(json).object(), u"s.json"_s, &error));
    QVERIFY2(error.startsWith(message), qPrintable(error));
    QCOMPARE(config.toJson(), before.toJson()); // unchanged
}

void TestScoringConfig::roundTrip()
{
    ScoringConfig config;
    config.docsWeight = 0.42f;
    config.fusion = u"rrf"_s;
    ScoringConfig copy;
    QString error;
    QVERIFY2(copy.apply(config.toJson(), u"round trip"_s, &error), qPrintable(error));
    QCOMPARE(copy.toJson(), config.toJson());
}

void TestScoringConfig::documentation()
{
    QString error;
    const ToolDocumentation docs = ToolDocumentation::fromJson(
        R"({"version": 1, "tools": {"getVehicleMileage": {"examples": ["km on my car"], "synonyms": ["odometer", "km"]}}})",
        u"d.json"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(docs.find(u"getVehicleMileage"_s)->synonyms, QStringList({ u"odometer"_s, u"km"_s }));
    QCOMPARE(docs.extraText().value(u"getVehicleMileage"_s), u"odometer. km. km on my car"_s);

    ToolDocumentation::fromJson(R"({"version": 1, "tools": {"a/b": {"examples": [1]}}})",
                                u"d.json"_s, &error);
    QCOMPARE(error, u"d.json: /tools/a~1b/examples/0 must be a string"_s);
    ToolDocumentation::fromJson(R"({"version": 2, "tools": {}})", u"d.json"_s, &error);
    QCOMPARE(error, u"d.json: /version is 2; this build reads version 1"_s);
    ToolDocumentation::fromJson("{", u"d.json"_s, &error);
    QVERIFY(error.startsWith(u"d.json: not valid JSON"_s));
    const ToolDocumentation bundled = ToolDocumentation::load(
        QStringLiteral(M1_SOURCE_DIR "/resources/config/tool-docs.json"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(bundled.size() > 50);
}

QTEST_GUILESS_MAIN(TestScoringConfig)
#include "tst_scoringconfig.moc"
