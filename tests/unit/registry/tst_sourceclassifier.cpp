#include "registry/sourceclassifier.h"

#include <QTest>

using namespace m1;
using Kind = SourceClassifier::Kind;

class TestSourceClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognisesEachFormat_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("kind");
        QTest::newRow("openapi json")
            << QByteArray(R"({"openapi": "3.1.0", "paths": {}})") << int(Kind::OpenApi);
        QTest::newRow("swagger yaml")
            << QByteArray("swagger: '2.0'\npaths: {}\n") << int(Kind::OpenApi);
        QTest::newRow("mcp bare") << QByteArray(R"({"tools": [{"name": "a"}]})")
                                  << int(Kind::McpTools);
        QTest::newRow("mcp json-rpc")
            << QByteArray(R"({"jsonrpc": "2.0", "id": 1, "result": {"tools": []}})")
            << int(Kind::McpTools);
        QTest::newRow("mcp yaml") << QByteArray("tools:\n  - name: a\n") << int(Kind::McpTools);
        QTest::newRow("jsonl") << QByteArray("{\"id\": \"a\", \"name\": \"A\"}\n{\"id\": \"b\"}\n")
                               << int(Kind::JsonLines);
        QTest::newRow("jsonl one line")
            << QByteArray("{\"id\": \"a\", \"name\": \"A\"}\n") << int(Kind::JsonLines);
        QTest::newRow("jsonl bad 2nd line")
            << QByteArray("{\"id\": \"a\"}\n{oops\n") << int(Kind::JsonLines);
    }

    void recognisesEachFormat()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, kind);
        const auto r = SourceClassifier().classify(bytes);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(int(r.kind), kind);
    }

    void plainTextIsNotADocument()
    {
        const auto r = SourceClassifier().classify("This is a README, not a spec.\n");
        QCOMPARE(r.kind, Kind::Invalid);
        QVERIFY2(r.error.contains(u"reads as a string"), qPrintable(r.error));
    }

    void otherJsonIsNotOpenApi()
    {
        const auto r = SourceClassifier().classify(R"({"name": "package.json", "version": "1.0"})");
        QCOMPARE(r.kind, Kind::Invalid);
        QVERIFY2(r.error.contains(u"no 'openapi' or 'swagger' key"), qPrintable(r.error));
    }

    void brokenJsonIsReportedAsJson()
    {
        const auto r = SourceClassifier().classify("{\n \"openapi\": \"3.0.0\",\n \"paths\": {\n");
        QCOMPARE(r.kind, Kind::Invalid);
        QVERIFY2(r.error.startsWith(u"JSON syntax error at line"), qPrintable(r.error));
    }

    void emptyFile()
    {
        const auto r = SourceClassifier().classify("  \n");
        QCOMPARE(r.kind, Kind::Invalid);
        QVERIFY(r.error.contains(u"empty"));
    }
};

QTEST_GUILESS_MAIN(TestSourceClassifier)
#include "tst_sourceclassifier.moc"
