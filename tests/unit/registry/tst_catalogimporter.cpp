#include "registry/registryloader.h"
#include "registrytestfiles.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kMcp = R"({
  "tools": [
    {"name": "get_vehicle_location", "title": "Vehicle location",
     "description": "Where a vehicle is now",
     "inputSchema": {"type": "object", "required": ["plate"],
       "properties": {"plate": {"type": "string", "description": "licence plate"},
                      "precise": {"type": "boolean"},
                      "options": {"type": "object", "required": ["unit"],
                                  "properties": {"unit": {"type": "string", "enum": ["km", "mi"]}}}}},
     "outputSchema": {"type": "object", "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}}}},
    {"name": "ping", "description": "Health check", "inputSchema": {"type": "object"}},
    {"description": "no name"},
    "not a tool"
  ]
})";

} // namespace

class TestCatalogImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void mcpToolsListResult()
    {
        const ToolRegistry r
            = RegistryLoader().load({ test::writeFile(m_dir, u"mcp.json"_s, kMcp) });
        QCOMPARE(r.size(), 2);
        const ToolDefinition *where = r.find(u"get_vehicle_location"_s);
        QVERIFY(where);
        QCOMPARE(where->summary, u"Vehicle location"_s);
        QCOMPARE(where->description, u"Where a vehicle is now"_s);
        QCOMPARE(where->category, u"mcp"_s);
        QCOMPARE(where->requestContentType, u"application/json"_s);
        QCOMPARE(where->parameters.size(), 3);
        QCOMPARE(where->parameters[0].name, u"options.unit"_s);
        QVERIFY(!where->parameters[0].required); // options itself is optional
        QCOMPARE(where->parameters[1].name, u"plate"_s);
        QVERIFY(where->parameters[1].required);
        QCOMPARE(where->parameters[1].location, ParamLocation::Body);
        QCOMPARE(where->parameters[1].description, u"licence plate"_s);
        QCOMPARE(where->outputKeys, (QStringList { u"lat"_s, u"lon"_s }));
        QVERIFY(where->embeddingText.contains(u"licence plate"));

        const ToolDefinition *ping = r.find(u"ping"_s);
        QVERIFY(ping);
        QVERIFY(ping->parameters.isEmpty()); // {"type": "object"} means no arguments

        QCOMPARE(r.errors().size(), 2);
        QCOMPARE(r.errors()[0].pointer, u"/tools/2"_s);
        QCOMPARE(r.errors()[0].message, u"expected a tool 'name' string, found nothing"_s);
        QCOMPARE(r.errors()[1].pointer, u"/tools/3"_s);
        QCOMPARE(r.errors()[1].message, u"expected a tool object, found a string"_s);
    }

    void mcpJsonRpcEnvelope()
    {
        const QByteArray envelope = R"({"jsonrpc": "2.0", "id": 7, "result": {"tools": [
            {"name": "book_car", "description": "Book a pool car",
             "inputSchema": {"type": "object", "properties": {"from": {"type": "string", "format": "date-time"}}}}]}})";
        const ToolRegistry r
            = RegistryLoader().load({ test::writeFile(m_dir, u"rpc.json"_s, envelope) });
        QVERIFY(r.errors().isEmpty());
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.tools().first().parameters.first().format, u"date-time"_s);
    }

    void jsonLinesWithABadLine()
    {
        const QByteArray lines = "{\"id\": \"vehicles.list\", \"name\": \"List vehicles\", "
                                 "\"description\": \"All cars of the fleet\"}\n"
                                 "\n"
                                 "{\"id\": \"vehicles.book\", \"name\": \"Book\", \"method\": "
                                 "\"post\", \"path\": \"/bookings\", \"tags\": [\"booking\"]}\n"
                                 "{\"id\": \"broken\", \"name\": \n"
                                 "[1, 2]\n"
                                 "{\"name\": \"only a name\"}\n";
        const ToolRegistry r
            = RegistryLoader().load({ test::writeFile(m_dir, u"catalog.jsonl"_s, lines) });
        QCOMPARE(r.size(), 3);
        QCOMPARE(r.tools()[0].id, u"vehicles.list"_s);
        QCOMPARE(r.tools()[0].summary, u"List vehicles"_s);
        QCOMPARE(r.tools()[0].description, u"All cars of the fleet"_s);
        QCOMPARE(r.tools()[0].category, u"catalog"_s);
        QCOMPARE(r.tools()[1].method, u"POST"_s);
        QCOMPARE(r.tools()[1].category, u"booking"_s);
        QCOMPARE(r.tools()[2].id, u"only_a_name"_s); // ids are sanitized names
        QCOMPARE(r.errors().size(), 2);
        QVERIFY2(r.errors()[0].message.startsWith(u"line 4, column "),
                 qPrintable(r.errors()[0].message));
        QVERIFY(r.errors()[0].message.contains(u"JSON syntax error"));
        QCOMPARE(
            r.errors()[1].message,
            u"line 5: expected an object with a string 'id' (or 'name'); the line is skipped"_s);
        QVERIFY(r.errors()[1].source.endsWith(u"catalog.jsonl"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogImporter)
#include "tst_catalogimporter.moc"
