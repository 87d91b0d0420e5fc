#include "registry/registryloader.h"
#include "registrytestfiles.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

QByteArray spec(const QByteArray &title, const QByteArray &operations)
{
    return "openapi: 3.0.0\ninfo: {title: " + title + ", version: '1'}\npaths:\n" + operations;
}

const QByteArray kPets = spec(
    "Pets",
    "  /pets:\n"
    "    get: {operationId: listPets, summary: List pets, responses: {'200': {description: ok}}}\n"
    "  /pets/{id}:\n"
    "    get:\n"
    "      operationId: getPet\n"
    "      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
    "      responses: {'200': {description: ok}}\n");

const QByteArray kMorePets = R"({"swagger": "2.0", "info": {"title": "More", "version": "1"},
  "paths": {"/pets/{id}": {"get": {"operationId": "getPet", "responses": {"200": {"description": "ok"}}}},
            "/owners": {"get": {"responses": {"200": {"description": "ok"}}}}}})";

QString dump(const QList<LoadError> &errors)
{
    QStringList lines;
    for (const LoadError &e : errors)
        lines.append(e.toString());
    return lines.join(u'\n');
}

} // namespace

class TestRegistryLoader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void idClashesAcrossSourcesAreSuffixedAndWarned()
    {
        const QString a = test::writeFile(m_dir, u"clash/a.yaml"_s, kPets);
        const QString b = test::writeFile(m_dir, u"clash/b.json"_s, kMorePets);
        const ToolRegistry r = RegistryLoader().load({ a, b });
        QCOMPARE(r.size(), 4);
        QCOMPARE(r.tools()[1].id, u"getPet"_s);
        QCOMPARE(r.tools()[1].source, a);
        const ToolDefinition *second = r.find(u"getPet_2"_s);
        QVERIFY(second);
        QCOMPARE(second->source, b);
        QCOMPARE(second->operationId, u"getPet"_s);
        QVERIFY(r.find(u"get_owners"_s));
        QCOMPARE(r.errors().size(), 1);
        const LoadError &w = r.errors().first();
        QCOMPARE(w.severity, LoadError::Severity::Warning);
        QCOMPARE(w.source, b);
        QCOMPARE(w.pointer, u"/paths/~1pets~1{id}/get"_s);
        QCOMPARE(w.message,
                 u"id 'getPet' is already used by a tool from "_s + a
                     + u"; this tool is registered as 'getPet_2'"_s);
        QCOMPARE(r.sources(), (QStringList { a, b }));

        // Same order, same ids: a reload is stable.
        const ToolRegistry again = RegistryLoader().load({ a, b });
        for (int i = 0; i < r.size(); ++i)
            QCOMPARE(again.tools()[i].id, r.tools()[i].id);
    }

    void loadsEveryJsonAndYamlFileOfAFolder()
    {
        test::writeFile(m_dir, u"folder/1-pets.yaml"_s, kPets);
        test::writeFile(m_dir, u"folder/2-more.json"_s, kMorePets);
        test::writeFile(m_dir, u"folder/3-catalog.jsonl"_s, "{\"id\": \"x\", \"name\": \"X\"}\n");
        test::writeFile(m_dir, u"folder/4-hooks.yml"_s,
                        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n");
        test::writeFile(m_dir, u"folder/5-fragment.yaml"_s, "Pet: {type: object}\n");
        test::writeFile(m_dir, u"folder/notes.txt"_s, "not a spec");
        const ToolRegistry r = RegistryLoader().load({ m_dir.filePath(u"folder"_s) });
        QCOMPARE(r.size(), 5);
        QCOMPARE(r.sources().size(), 5);
        QVERIFY(r.sources().first().endsWith(u"folder/1-pets.yaml"));
        QVERIFY(r.find(u"x"_s));
        // A non-spec YAML file in a folder may be a $ref fragment: a warning, not an error.
        QStringList kinds;
        for (const LoadError &e : r.errors())
            kinds.append((e.severity == LoadError::Severity::Warning ? u"W "_s : u"E "_s)
                         + e.source.section(u'/', -1));
        QCOMPARE(kinds, (QStringList { u"W 2-more.json"_s, u"W 5-fragment.yaml"_s }));

        const ToolRegistry empty
            = RegistryLoader().load({ m_dir.filePath(u"clash/nothing-here"_s) });
        QCOMPARE(empty.errors().size(), 1);
        QVERIFY(empty.errors().first().message.contains(u"file not found"));
    }

    void notJsonOrYamlIsOneClearError()
    {
        const QString bad = test::writeFile(m_dir, u"broken.yaml"_s,
                                            "openapi: 3.0.0\npaths:\n  /a: [\n    get\n");
        const ToolRegistry r
            = RegistryLoader().load({ bad, test::writeFile(m_dir, u"ok.yaml"_s, kPets) });
        QCOMPARE(r.size(), 2); // the next source still loads
        QCOMPARE(r.errors().size(), 1);
        QCOMPARE(r.errors().first().source, bad);
        QVERIFY2(r.errors().first().message.startsWith(u"YAML syntax error at line "),
                 qPrintable(r.errors().first().message));

        const QString text = test::writeFile(m_dir, u"readme.md"_s, "# Fleet API\nSee the docs.\n");
        const ToolRegistry t = RegistryLoader().load({ text });
        QCOMPARE(t.errors().size(), 1);
        QVERIFY2(t.errors().first().message.contains(u"reads as a string"),
                 qPrintable(t.errors().first().message));

        const QString json = test::writeFile(m_dir, u"broken.json"_s,
                                             "{\"openapi\": \"3.0.0\",\n \"paths\": {]\n}");
        const ToolRegistry j = RegistryLoader().load({ json });
        QCOMPARE(j.errors().size(), 1);
        QVERIFY2(j.errors().first().message.startsWith(u"JSON syntax error at line 2, column "),
                 qPrintable(j.errors().first().message));
    }

    void notOpenApiIsOneClearError()
    {
        const QString other
            = test::writeFile(m_dir, u"package.json"_s, R"({"name": "fleet", "version": "1.0.0"})");
        const ToolRegistry r = RegistryLoader().load({ other });
        QCOMPARE(r.size(), 0);
        QCOMPARE(r.errors().size(), 1);
        QCOMPARE(r.errors().first().severity, LoadError::Severity::Error);
        QCOMPARE(r.errors().first().source, other);
        QVERIFY(r.errors().first().pointer.isEmpty());
        QVERIFY2(r.errors().first().message.contains(u"no 'openapi' or 'swagger' key"),
                 qPrintable(r.errors().first().message));
    }

    void externalRefsRelativeToTheSource()
    {
        test::writeFile(m_dir, u"split/common/vehicle.yaml"_s,
                        "Vehicle:\n  type: object\n  properties:\n    plate: {type: string}\n"
                        "    owner: {$ref: 'people.json#/Person'}\n");
        test::writeFile(
            m_dir, u"split/common/people.json"_s,
            R"({"Person": {"type": "object", "properties": {"name": {"type": "string"}}}})");
        const QString main = test::writeFile(
            m_dir, u"split/api.yaml"_s,
            spec("Split",
                 "  /vehicles:\n"
                 "    post:\n"
                 "      operationId: addVehicle\n"
                 "      requestBody: {required: true, content: {application/json: {schema: {$ref: "
                 "'common/vehicle.yaml#/Vehicle'}}}}\n"
                 "      responses:\n"
                 "        '201': {description: ok, content: {application/json: {schema: {$ref: "
                 "'./common/vehicle.yaml#/Vehicle'}}}}\n"
                 "  /broken:\n"
                 "    get:\n"
                 "      operationId: broken\n"
                 "      responses: {'200': {description: ok, content: {application/json: {schema: "
                 "{$ref: 'common/missing.yaml#/X'}}}}}\n"));
        const ToolRegistry r = RegistryLoader().load({ main });
        QCOMPARE(r.size(), 2);
        const ToolDefinition *add = r.find(u"addVehicle"_s);
        QVERIFY(add);
        QCOMPARE(add->outputKeys, (QStringList { u"owner"_s, u"owner.name"_s, u"plate"_s }));
        QCOMPARE(add->parameters.size(), 2);
        QCOMPARE(add->parameters[0].name, u"owner.name"_s);
        QCOMPARE(r.errors().size(), 1);
        QVERIFY2(r.errors().first().message.contains(u"split/common/missing.yaml"),
                 qPrintable(dump(r.errors())));
    }

    void errorsInsideReferencedFilesNameThatFile()
    {
        const QString schemas = test::writeFile(m_dir, u"ext/schemas.yaml"_s,
                                                "Trip:\n  type: object\n  properties: 12\n");
        const QString main = test::writeFile(
            m_dir, u"ext/api.yaml"_s,
            spec("Ext",
                 "  /trips:\n"
                 "    get:\n"
                 "      operationId: trips\n"
                 "      responses: {'200': {description: ok, content: {application/json: {schema: "
                 "{$ref: 'schemas.yaml#/Trip'}}}}}\n"));
        const ToolRegistry r = RegistryLoader().load({ main });
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.errors().size(), 1);
        QCOMPARE(r.errors().first().source, QDir::cleanPath(schemas));
        QCOMPARE(r.errors().first().pointer, u"/Trip/properties"_s);
    }

    void extraDocumentationByIdOrOperationId()
    {
        const QString a = test::writeFile(m_dir, u"docs/a.yaml"_s, kPets);
        RegistryLoadOptions options;
        options.extraDocumentation.insert(u"listPets"_s, u"Svi ljubimci u trgovini"_s);
        options.extraDocumentation.insert(u"get_owners"_s, u"Vlasnici"_s);
        const ToolRegistry r = RegistryLoader(options).load(
            { a, test::writeFile(m_dir, u"docs/b.json"_s, kMorePets) });
        QVERIFY(r.find(u"listPets"_s)->embeddingText.endsWith(u"Svi ljubimci u trgovini"));
        QVERIFY(r.find(u"get_owners"_s)->embeddingText.endsWith(u"Vlasnici"));
        QVERIFY(!r.find(u"getPet"_s)->embeddingText.contains(u"Vlasnici"));
    }

    void sameSourceTwiceLoadsOnce()
    {
        const QString a = test::writeFile(m_dir, u"twice/a.yaml"_s, kPets);
        const ToolRegistry r
            = RegistryLoader().load({ a, m_dir.filePath(u"twice/../twice/a.yaml"_s) });
        QCOMPARE(r.size(), 2);
        QCOMPARE(r.errors().size(), 1);
        QCOMPARE(r.errors().first().severity, LoadError::Severity::Warning);
    }

    void qtResourcePathsAreFiles()
    {
        const ToolRegistry r = RegistryLoader().load({ u":/specs/resource-fleet.yaml"_s });
        QVERIFY2(r.errors().isEmpty(), qPrintable(dump(r.errors())));
        QCOMPARE(r.size(), 1);
        const ToolDefinition &list = r.tools().first();
        QCOMPARE(list.source, u":/specs/resource-fleet.yaml"_s);
        QCOMPARE(list.outputKeys, (QStringList { u"km"_s, u"plate"_s })); // via a sibling resource
        QCOMPARE(list.baseUrl, u"https://fleet.example/api"_s);

        // A resource folder loads like a folder; the fragment is only a warning there.
        const ToolRegistry folder = RegistryLoader().load({ u":/specs"_s });
        QCOMPARE(folder.size(), 1);
        QCOMPARE(folder.errorCount(LoadError::Severity::Error), 0);

        const ToolRegistry missing = RegistryLoader().load({ u":/specs/missing.yaml"_s });
        QCOMPARE(missing.errors().size(), 1);
        QCOMPARE(missing.errors().first().source, u":/specs/missing.yaml"_s);
    }

    void injectedFetcherServesSources()
    {
        class MapFetcher final : public SourceFetcher
        {
        public:
            FetchResult fetch(const QString &location) const override
            {
                if (location.endsWith(u"/virtual/spec.yaml"))
                    return FetchResult { kPets, {} };
                return FetchResult { {}, u"no such thing"_s };
            }
        };
        const ToolRegistry r = RegistryLoader({}, std::make_shared<MapFetcher>())
                                   .load({ u"/virtual/spec.yaml"_s, u"/virtual/other.yaml"_s });
        QCOMPARE(r.size(), 2);
        QCOMPARE(r.errors().size(), 1);
        QCOMPARE(r.errors().first().message, u"cannot read the source: no such thing"_s);
    }
};

QTEST_GUILESS_MAIN(TestRegistryLoader)
#include "tst_registryloader.moc"
