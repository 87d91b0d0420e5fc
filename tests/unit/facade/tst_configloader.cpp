#include "facade/bundledresources.h"
#include "facade/configloader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// JSON fixtures as plain literals at namespace scope: moc misreads raw strings.
namespace {
constexpr char kFixture0[] = "{\"specs\": [\"api/fleet.yaml\", \"https://x.example/o.json\", \":/m1/x\"],\n                                    \"documentation\": \"docs.json\", \"dataDir\": \"/var/lib/m1\"}";
constexpr char kFixture1[] = "{\"graph\": {\"aliases\": {\"person_id\": \"driver_id\"}, \"readOnlyProviders\": false},\n                                    \"log\": {\"format\": \"json\", \"file\": \"m1.log\"}}";
constexpr char kFixture2[] = "{\"specs\": \"a.yaml\"}";
constexpr char kFixture3[] = "{\"specs\": [\"a\", 3]}";
constexpr char kFixture4[] = "{\"store\": 5}";
constexpr char kFixture5[] = "{\"stroe\": \"memory\"}";
constexpr char kFixture6[] = "{\"graph\": {\"aliases\": {\"a\": 1}}}";
constexpr char kFixture7[] = "{\"graph\": {\"readOnlyProviders\": \"yes\"}}";
constexpr char kFixture8[] = "{\"log\": {\"format\": \"xml\"}}";
constexpr char kFixture9[] = "{\"scoring\": {\"docs\": {\"weight\": \"high\"}}}";
constexpr char kFixture10[] = "{\"scoring\": {\"thresholdz\": {}}}";
constexpr char kFixture11[] = "{\"embedding\": {\"provider\": \"bert\"}}";
constexpr char kFixture12[] = "{\"scoring\": []}";
constexpr char kFixture13[] = "{\"scoring\": {\"thresholds\": {\"act\": 0.9}}, \"embedding\": {\"provider\": \"azure\", \"base_url\": \"https://x.openai.azure.com\", \"deployment\": \"emb\"}}";
} // namespace

class TestConfigLoader : public QObject
{
    Q_OBJECT

private:
    static m1::ConfigLoader::Result fromText(const QByteArray &json, const QString &base = u"/etc/m1"_s)
    {
        return m1::ConfigLoader::fromJson(QJsonDocument::fromJson(json).object(), u"m1.json"_s, base);
    }

private Q_SLOTS:
    void emptyConfigUsesTheBundledDemo()
    {
        const auto r = fromText("{}");
        QVERIFY(r.ok());
        QCOMPARE(r.config.effectiveSpecSources(), QStringList{m1::BundledResources::demoSpec()});
        QCOMPARE(r.config.store, u"managed"_s);
        QVERIFY(r.config.database.isEmpty()); // serve's default: SQLite in the data folder
        QCOMPARE(fromText("{\"database\": \"sqlite:///srv/m1.db\"}").config.database, u"sqlite:///srv/m1.db"_s);
    }

    void relativePathsResolveAgainstTheConfigFolder()
    {
        const auto r = fromText(kFixture0);
        QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.config.specSources,
                 (QStringList{u"/etc/m1/api/fleet.yaml"_s, u"https://x.example/o.json"_s, u":/m1/x"_s}));
        QCOMPARE(r.config.documentationFile, u"/etc/m1/docs.json"_s);
        QCOMPARE(r.config.dataDir, u"/var/lib/m1"_s);
    }

    void graphAndLogSettings()
    {
        const auto r = fromText(kFixture1);
        QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.config.graphAliases.value(u"person_id"_s), u"driver_id"_s);
        QCOMPARE(r.config.graphReadOnlyProviders, false);
        QCOMPARE(r.config.logFormat, m1::EngineConfig::LogFormat::Json);
        QCOMPARE(r.config.logFile, u"/etc/m1/m1.log"_s);
    }

    void everyMistakeIsReportedWithItsPointer_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("specs not array") << QByteArray(kFixture2) << u"m1.json#/specs: expected an array"_s;
        QTest::newRow("spec item") << QByteArray(kFixture3) << u"m1.json#/specs/1: expected a non-empty string"_s;
        QTest::newRow("store type") << QByteArray(kFixture4) << u"m1.json#/store: expected a string"_s;
        QTest::newRow("unknown key") << QByteArray(kFixture5) << u"m1.json#/stroe: unknown key"_s;
        QTest::newRow("alias type") << QByteArray(kFixture6) << u"m1.json#/graph/aliases/a: expected a string"_s;
        QTest::newRow("bool") << QByteArray(kFixture7) << u"m1.json#/graph/readOnlyProviders: expected true or false"_s;
        QTest::newRow("log format") << QByteArray(kFixture8) << u"m1.json#/log/format: expected \"text\" or \"json\""_s;
        QTest::newRow("scoring value") << QByteArray(kFixture9) << u"m1.json#/scoring/docs/weight: must be a number"_s;
        QTest::newRow("scoring section") << QByteArray(kFixture10) << u"m1.json#/scoring/thresholdz: is not a scoring setting"_s;
        QTest::newRow("embedding provider") << QByteArray(kFixture11) << u"m1.json#/embedding/provider:"_s;
        QTest::newRow("scoring type") << QByteArray(kFixture12) << u"m1.json#/scoring: expected an object"_s;
        QTest::newRow("database type") << QByteArray("{\"database\": 5}") << u"m1.json#/database: expected a string"_s;
    }

    void everyMistakeIsReportedWithItsPointer()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto r = fromText(json);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors.first().startsWith(expected), qPrintable(r.errors.first()));
    }

    void scoringAndEmbeddingSectionsAreKept()
    {
        const auto r = fromText(kFixture13);
        QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.config.scoring.value(u"thresholds"_s).toObject().value(u"act"_s).toDouble(), 0.9);
        QCOMPARE(r.config.embedding.value(u"provider"_s).toString(), u"azure"_s);
    }

    void unreadableAndMalformedFiles()
    {
        QTemporaryDir dir;
        auto missing = m1::ConfigLoader::loadFile(dir.filePath(u"none.json"_s));
        QCOMPARE(missing.errors.size(), 1);
        QVERIFY(missing.errors.first().contains(u"cannot read"_s));

        QFile broken(dir.filePath(u"broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"specs\": [");
        broken.close();
        auto malformed = m1::ConfigLoader::loadFile(broken.fileName());
        QCOMPARE(malformed.errors.size(), 1);
        QVERIFY(malformed.errors.first().contains(u"not a JSON object"_s));
        QVERIFY(malformed.errors.first().contains(u"at byte"_s));
    }

    void yamlFilesReadLikeJson()
    {
        // The same settings as YAML, with comments: same result, same relative-path rule.
        QTemporaryDir dir;
        QFile yaml(dir.filePath(u"m1bot.yaml"_s));
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write("# where the tools come from\n"
                   "specs:\n  - api/fleet.yaml   # relative to this file\n  - https://x.example/o.json\n"
                   "store: memory\n"
                   "graph:\n  readOnlyProviders: false\n  lookupKeys: [period]\n"
                   "serve:\n  port: 8081\n");
        yaml.close();
        const auto r = m1::ConfigLoader::loadFile(yaml.fileName());
        QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.config.specSources,
                 (QStringList{dir.filePath(u"api/fleet.yaml"_s), u"https://x.example/o.json"_s}));
        QCOMPARE(r.config.store, u"memory"_s);
        QCOMPARE(r.config.graphReadOnlyProviders, false);
        QCOMPARE(r.config.graphLookupKeys, QStringList{u"period"_s});
        QCOMPARE(r.config.serve.value(u"port"_s).toInt(), 8081); // a YAML integer is a JSON number

        // Mistakes carry the file and the JSON pointer, as for JSON files.
        QFile typo(dir.filePath(u"typo.yml"_s));
        QVERIFY(typo.open(QIODevice::WriteOnly));
        typo.write("stroe: memory\n");
        typo.close();
        const auto wrong = m1::ConfigLoader::loadFile(typo.fileName());
        QCOMPARE(wrong.errors.size(), 1);
        QVERIFY2(wrong.errors.first().startsWith(typo.fileName() + u"#/stroe: unknown key"_s),
                 qPrintable(wrong.errors.first()));

        // Only comments: the empty configuration.
        QFile comments(dir.filePath(u"empty.yaml"_s));
        QVERIFY(comments.open(QIODevice::WriteOnly));
        comments.write("# nothing set yet\n");
        comments.close();
        QVERIFY(m1::ConfigLoader::loadFile(comments.fileName()).ok());
    }

    void malformedYaml()
    {
        QTemporaryDir dir;
        const auto write = [&dir](const QString &name, const QByteArray &text) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::WriteOnly))
                f.write(text);
            return f.fileName();
        };
        const auto broken = m1::ConfigLoader::loadFile(write(u"broken.yaml"_s, "specs: [a, b\nstore: memory\n"));
        QCOMPARE(broken.errors.size(), 1);
        QVERIFY2(broken.errors.first().contains(u"not valid YAML (line "_s), qPrintable(broken.errors.first()));
        const auto list = m1::ConfigLoader::loadFile(write(u"list.yaml"_s, "- specs\n- store\n"));
        QCOMPARE(list.errors.size(), 1);
        QVERIFY2(list.errors.first().contains(u"expected a YAML mapping"_s), qPrintable(list.errors.first()));
        // A .json name is still read as JSON: YAML-only syntax there is an error.
        const auto json = m1::ConfigLoader::loadFile(write(u"m1.json"_s, "store: memory\n"));
        QVERIFY(json.errors.value(0).contains(u"not a JSON object"_s));
    }
};

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
