// Every real-world spec of the shared corpus loads with the operation count its README gives,
// plus a few facts per file that exercise what makes the file hard. The problems found and
// the load times are printed for people to read; times are never asserted.

#include "registry/registryloader.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <memory>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

QString corpus(const QString &name)
{
    return QStringLiteral(M1_CORPUS_DIR) + u'/' + name;
}

QStringList paramKeys(const ToolDefinition &tool)
{
    QStringList out;
    for (const ToolParameter &p : tool.parameters)
        out.append(paramLocationName(p.location) + u':' + p.name
                   + (p.required ? u"*"_s : QString()));
    return out;
}

} // namespace

class TestOpenApiCorpus : public QObject
{
    Q_OBJECT

private:
    QHash<QString, std::shared_ptr<const ToolRegistry>> m_loaded;

    const ToolRegistry &registry(const QString &file)
    {
        auto it = m_loaded.find(file);
        if (it == m_loaded.end()) {
            QElapsedTimer timer;
            timer.start();
            auto loaded
                = std::make_shared<const ToolRegistry>(RegistryLoader().load({ corpus(file) }));
            qInfo().noquote() << file << "loaded in" << timer.elapsed() << "ms:" << loaded->size()
                              << "tools," << loaded->errors().size() << "problems";
            for (const LoadError &e : loaded->errors())
                qInfo().noquote() << "   "
                                  << (e.severity == LoadError::Severity::Warning ? "warning"
                                                                                 : "error")
                                  << e.toString();
            it = m_loaded.insert(file, loaded);
        }
        return **it;
    }

    const ToolDefinition &tool(const QString &file, const QString &id)
    {
        const ToolDefinition *found = registry(file).find(id);
        if (!found)
            qFatal("%s has no tool %s", qPrintable(file), qPrintable(id));
        return *found;
    }

private Q_SLOTS:
    void everyFileLoadsWithItsOperationCount_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("operations");
        QTest::newRow("petstore 2.0") << u"oai-petstore-expanded.swagger20.yaml"_s << 4;
        QTest::newRow("uber") << u"oai-uber.swagger20.json"_s << 5;
        QTest::newRow("petstore 3.0") << u"oai-petstore-expanded.oas30.yaml"_s << 4;
        QTest::newRow("link") << u"oai-link-example.oas30.json"_s << 6;
        QTest::newRow("callback") << u"oai-callback-example.oas30.json"_s << 1;
        QTest::newRow("webhook 3.1") << u"oai-webhook-example.oas31.yaml"_s << 0;
        QTest::newRow("samsara") << u"samsara-fleet-2019-12-12.swagger20.json"_s << 81;
        QTest::newRow("docker") << u"docker-engine-v1.33.swagger20.yaml"_s << 105;
        QTest::newRow("traccar") << u"traccar-gps-fleet.oas31.yaml"_s << 117;
        QTest::newRow("stripe") << u"stripe-2023-08-16.oas30.yaml"_s << 468;
        QTest::newRow("kubernetes") << u"kubernetes.swagger20.json"_s << 1123;
    }

    void everyFileLoadsWithItsOperationCount()
    {
        QFETCH(QString, file);
        QFETCH(int, operations);
        const ToolRegistry &r = registry(file);
        QCOMPARE(r.size(), operations);
        QCOMPARE(r.sources(), QStringList { corpus(file) });
        // These files are valid specs: anything reported would be a loader bug to look at.
        QCOMPARE(r.errorCount(LoadError::Severity::Error), 0);
        QSet<QString> ids;
        for (const ToolDefinition &t : r.tools()) {
            QVERIFY2(!t.id.isEmpty() && !ids.contains(t.id), qPrintable(t.id));
            ids.insert(t.id);
            QVERIFY(!t.method.isEmpty());
            QVERIFY(t.path.startsWith(u'/'));
            QVERIFY(!t.embeddingText.isEmpty());
            QCOMPARE(t.source, corpus(file));
        }
    }

    void petstoreMergesAllOf()
    {
        for (const QString &file :
             { u"oai-petstore-expanded.swagger20.yaml"_s, u"oai-petstore-expanded.oas30.yaml"_s }) {
            const ToolDefinition &find = tool(file, u"findPets"_s);
            QCOMPARE(find.outputKeys,
                     (QStringList { u"id"_s, u"name"_s, u"tag"_s })); // Pet = NewPet + id
            QCOMPARE(paramKeys(tool(file, u"addPet"_s)),
                     (QStringList { u"body:name*"_s, u"body:tag"_s }));
            QCOMPARE(tool(file, u"addPet"_s).requestContentType, u"application/json"_s);
            // operationId "find pet by id" becomes a usable id; the original is kept.
            QCOMPARE(tool(file, u"find_pet_by_id"_s).operationId, u"find pet by id"_s);
        }
    }

    void uberIdsAreGenerated()
    {
        const QString file = u"oai-uber.swagger20.json"_s;
        QStringList ids;
        for (const ToolDefinition &t : registry(file).tools()) {
            QVERIFY(t.operationId.isEmpty());
            ids.append(t.id);
        }
        ids.sort();
        QCOMPARE(ids,
                 (QStringList { u"get_estimates_price"_s, u"get_estimates_time"_s, u"get_history"_s,
                                u"get_me"_s, u"get_products"_s }));
        const ToolDefinition &products = tool(file, u"get_products"_s);
        QCOMPARE(products.baseUrl, u"https://api.uber.com/v1"_s);
        QCOMPARE(paramKeys(products),
                 (QStringList { u"query:latitude*"_s, u"query:longitude*"_s }));
        QCOMPARE(products.category, u"Products"_s);
        QVERIFY(tool(file, u"get_history"_s).outputKeys.contains(u"history.uuid"_s));
    }

    void linkExampleFollowsSchemaRefs()
    {
        const ToolDefinition &pr = tool(u"oai-link-example.oas30.json"_s, u"getPullRequestsById"_s);
        QCOMPARE(paramKeys(pr),
                 (QStringList { u"path:username*"_s, u"path:slug*"_s, u"path:pid*"_s }));
        QVERIFY(pr.outputKeys.contains(u"repository.owner.username"_s));
    }

    void callbacksAndWebhooksAreNotTools()
    {
        const ToolRegistry &callbacks = registry(u"oai-callback-example.oas30.json"_s);
        QCOMPARE(callbacks.tools().first().id, u"post_streams"_s);
        QCOMPARE(paramKeys(callbacks.tools().first()), QStringList { u"query:callbackUrl*"_s });
        QVERIFY(registry(u"oai-webhook-example.oas31.yaml"_s).errors().isEmpty());
    }

    void samsaraMergesPathLevelParameters()
    {
        const QString file = u"samsara-fleet-2019-12-12.swagger20.json"_s;
        // Both path parameters are declared on the path, none on the operation.
        const ToolDefinition &doc = tool(file, u"V1getDriverDocumentByIdAndDriverId"_s);
        QCOMPARE(paramKeys(doc), (QStringList { u"path:driver_id*"_s, u"path:document_id*"_s }));
        QCOMPARE(doc.parameters.first().type, u"integer"_s);
        const ToolDefinition &update = tool(file, u"updateVehicle"_s);
        QCOMPARE(update.parameters.first().name, u"id"_s);
        QCOMPARE(update.requestContentType, u"application/json"_s);
        QCOMPARE(update.baseUrl, u"https://api.samsara.com"_s);
        QSet<QString> categories;
        for (const ToolDefinition &t : registry(file).tools())
            categories.insert(t.category);
        QCOMPARE(categories.size(), 17);
    }

    void dockerHeadAndIntegerResponseCodes()
    {
        const QString file = u"docker-engine-v1.33.swagger20.yaml"_s;
        const ToolDefinition &head = tool(file, u"ContainerArchiveInfo"_s);
        QCOMPARE(head.method, u"HEAD"_s);
        QVERIFY(head.isReadOnly());
        QCOMPARE(head.baseUrl, u"/v1.33"_s); // no host in the spec
        // Responses are keyed by unquoted integers (200:), read as "200".
        const ToolDefinition &list = tool(file, u"ContainerList"_s);
        QVERIFY(list.outputKeys.contains(u"Id"_s));
        QVERIFY(list.outputKeys.contains(u"Mounts.Source"_s));
        // The sandbox answers from these: an array of containers, with docker's own example.
        QCOMPARE(list.responseSchema.value(u"type").toString(), u"array"_s);
        QVERIFY(list.responseSchema.value(u"items")
                    .toObject()
                    .value(u"properties")
                    .toObject()
                    .contains(u"Id"_s));
        QVERIFY(!list.responseExample.toArray().isEmpty());
        const ToolDefinition &create = tool(file, u"ContainerCreate"_s);
        QVERIFY(create.parameter(u"Image"_s));
        QCOMPARE(create.parameter(u"Image"_s)->location, ParamLocation::Body);
        QVERIFY(create.outputKeys.contains(u"Id"_s));
    }

    void traccarTypeArraysAndMediaTypes()
    {
        const QString file = u"traccar-gps-fleet.oas31.yaml"_s;
        const ToolDefinition &post = tool(file, u"postDevices"_s);
        const ToolParameter *contact = post.parameter(u"contact"_s);
        QVERIFY(contact);
        QCOMPARE(contact->type, u"string"_s); // type: [string, 'null']
        QVERIFY(contact->nullable);
        const ToolParameter *group = post.parameter(u"groupId"_s);
        QVERIFY(group);
        QCOMPARE(group->type, u"integer"_s);
        QVERIFY(group->nullable);
        QCOMPARE(tool(file, u"postSession"_s).requestContentType,
                 u"application/x-www-form-urlencoded"_s);
        QCOMPARE(paramKeys(tool(file, u"postSession"_s)),
                 (QStringList { u"body:email*"_s, u"body:password*"_s }));
        QCOMPARE(tool(file, u"postDevicesIdImage"_s).requestContentType, u"image/*"_s);
        QCOMPARE(post.baseUrl, u"https://demo.traccar.org/api"_s);
    }

    void stripeRecursiveSchemasTerminate()
    {
        const QString file = u"stripe-2023-08-16.oas30.yaml"_s;
        const ToolDefinition &customer = tool(file, u"GetCustomersCustomer"_s);
        QVERIFY(customer.outputKeys.contains(u"id"_s));
        QVERIFY(customer.outputKeys.size() <= RegistryLoadOptions().maxFieldsPerTool);
        // Stripe's GETs declare an empty form body: nothing to send.
        QVERIFY(tool(file, u"GetCharges"_s).requestContentType.isEmpty());
        QVERIFY(tool(file, u"GetCharges"_s).outputKeys.contains(u"data.amount"_s));
        const ToolDefinition &charge = tool(file, u"PostCharges"_s);
        QCOMPARE(charge.requestContentType, u"application/x-www-form-urlencoded"_s);
        QVERIFY(charge.parameter(u"amount"_s));
        QVERIFY(charge.parameter(u"shipping.address.city"_s));
        // `card` is "a token or a card object" (anyOf): both forms are offered.
        QCOMPARE(charge.parameter(u"card"_s)->type, u"string"_s);
        QVERIFY(charge.parameter(u"card.number"_s));
        QCOMPARE(charge.category, u"charges"_s);
    }

    void kubernetesPathLevelAndGlobalParameters()
    {
        const QString file = u"kubernetes.swagger20.json"_s;
        const ToolDefinition &read = tool(file, u"readCoreV1NamespacedPod"_s);
        QCOMPARE(paramKeys(read),
                 (QStringList { u"path:name*"_s, u"path:namespace*"_s, u"query:pretty"_s }));
        QCOMPARE(read.category, u"core_v1"_s);
        const ToolDefinition &replace = tool(file, u"replaceCoreV1NamespacedPod"_s);
        QCOMPARE(replace.requestContentType, u"application/json"_s); // consumes: */*
        QVERIFY(replace.parameter(u"metadata.name"_s));
        QVERIFY(replace.parameter(u"dryRun"_s));
        int head = 0;
        int options = 0;
        for (const ToolDefinition &t : registry(file).tools()) {
            head += t.method == u"HEAD" ? 1 : 0;
            options += t.method == u"OPTIONS" ? 1 : 0;
        }
        QCOMPARE(head, 6);
        QCOMPARE(options, 6);
    }

    void kubernetesPropertyNamedRefIsAField()
    {
        // JSONSchemaProps is recursive and has a property literally named "$ref". Let the
        // output walk reach it: it must come out as a key, not be followed as a reference.
        RegistryLoadOptions options;
        options.maxOutputDepth = 6;
        options.maxFieldsPerTool = 100000;
        const ToolRegistry r
            = RegistryLoader(options).load({ corpus(u"kubernetes.swagger20.json"_s) });
        QCOMPARE(r.errorCount(LoadError::Severity::Error), 0);
        const ToolDefinition *crd = r.find(u"readApiextensionsV1CustomResourceDefinition"_s);
        QVERIFY(crd);
        QVERIFY(crd->outputKeys.contains(u"spec.versions.schema.openAPIV3Schema.$ref"_s));
        QVERIFY(crd->outputKeys.contains(u"spec.versions.schema.openAPIV3Schema.properties"_s));
    }
};

QTEST_GUILESS_MAIN(TestOpenApiCorpus)
#include "tst_openapicorpus.moc"
