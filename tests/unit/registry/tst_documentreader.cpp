#include "registry/documentreader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace m1;

class TestDocumentReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsJsonAndYaml()
    {
        const DocumentReader reader;
        const auto json = reader.read(R"({"openapi": "3.0.0", "n": 1})");
        QVERIFY2(json.ok(), qPrintable(json.error));
        QCOMPARE(json.value.toObject().value(u"n"), QJsonValue(1));
        const auto yaml = reader.read("openapi: 3.0.0\nn: 1\n");
        QVERIFY2(yaml.ok(), qPrintable(yaml.error));
        QCOMPARE(yaml.value.toObject().value(u"openapi"), QJsonValue(QStringLiteral("3.0.0")));
        const auto array = reader.read("  [1, 2]");
        QVERIFY(array.ok());
        QCOMPARE(array.value.toArray().size(), 2);
    }

    void skipsByteOrderMark()
    {
        const auto r = DocumentReader().read("\xEF\xBB\xBF{\"a\": 1}");
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value.toObject().value(u"a"), QJsonValue(1));
    }

    void jsonErrorsSayLineAndColumn()
    {
        const auto r = DocumentReader().read("{\n  \"a\": 1,\n  \"b\": 2 \"c\": 3\n}\n");
        QVERIFY(!r.ok());
        QVERIFY2(r.error.startsWith(u"JSON syntax error at line 3, column "), qPrintable(r.error));
    }

    void yamlErrorsSayLineAndColumn()
    {
        const auto r = DocumentReader().read("openapi: 3.0.0\npaths:\n  /a: [\n");
        QVERIFY(!r.ok());
        QVERIFY2(r.error.startsWith(u"YAML syntax error at line "), qPrintable(r.error));
        QVERIFY(r.error.contains(u"column"));
    }

    void lineAndColumnOfOffsets()
    {
        int line = 0;
        int column = 0;
        DocumentReader::lineAndColumn("ab\ncd\nef", 4, &line, &column);
        QCOMPARE(line, 2);
        QCOMPARE(column, 2);
        DocumentReader::lineAndColumn("ab", 99, &line, &column);
        QCOMPARE(line, 1);
        QCOMPARE(column, 3);
    }
};

QTEST_GUILESS_MAIN(TestDocumentReader)
#include "tst_documentreader.moc"
