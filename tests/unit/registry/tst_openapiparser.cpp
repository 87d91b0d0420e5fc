#include "registry/registryloader.h"
#include "registrytestfiles.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace m1;

namespace {

QString dump(const QList<LoadError> &errors)
{
    QStringList lines;
    for (const LoadError &e : errors)
        lines.append(e.toString());
    return lines.join(u'\n');
}

QStringList paramKeys(const ToolDefinition &tool)
{
    QStringList out;
    for (const ToolParameter &p : tool.parameters)
        out.append(paramLocationName(p.location) + u':' + p.name
                   + (p.required ? QStringLiteral("*") : QString()));
    return out;
}

const QByteArray kOpenApi30 = R"(
openapi: 3.0.3
info: {title: Fleet, version: "1"}
servers:
  - url: https://{region}.fleet.example/{base}
    variables:
      region: {default: eu}
      base: {default: api/v2}
paths:
  /vehicles/{vehicleId}/bookings:
    summary: Bookings of a vehicle
    parameters:
      - {name: vehicleId, in: path, required: true, schema: {type: string, format: uuid}}
      - {name: limit, in: query, description: path-level limit, schema: {type: integer}}
      - {name: X-Tenant, in: header, schema: {type: string}}
    get:
      operationId: listBookings
      tags: [bookings, vehicles]
      parameters:
        - {name: limit, in: query, required: true, description: operation limit, schema: {type: integer, default: 20}}
        - {name: limit, in: header, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/xml: {schema: {type: string}}
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Booking'}
              examples:
                first: {$ref: '#/components/examples/Bookings'}
    post:
      operationId: createBooking
      deprecated: true
      servers: [{url: 'https://booking.fleet.example/'}]
      requestBody:
        $ref: '#/components/requestBodies/NewBooking'
      responses:
        '201': {$ref: '#/components/responses/Created'}
      callbacks:
        onReady:
          '{$request.body#/callbackUrl}':
            post:
              operationId: bookingReadyCallback
              responses: {'200': {description: ok}}
  /reports/mileage:
    get:
      responses:
        default:
          description: report
          content: {application/json: {schema: {properties: {km: {type: number}}}}}
  /v1/drivers/{id}:
    delete:
      responses: {'204': {description: gone}}
components:
  requestBodies:
    NewBooking:
      required: true
      content:
        application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/NewBooking'}}
        application/json: {schema: {$ref: '#/components/schemas/NewBooking'}}
  examples:
    Bookings:
      value: [{id: b1, from: '2024-05-01T08:00:00Z', $ref: 'not a reference, just data'}]
  responses:
    Created:
      description: created
      content: {application/json: {schema: {$ref: '#/components/schemas/Booking'}}}
  schemas:
    NewBooking:
      type: object
      required: [from]
      properties:
        from: {type: string, format: date-time}
        to: {type: string, format: date-time}
        callbackUrl: {type: string}
    Booking:
      allOf:
        - $ref: '#/components/schemas/NewBooking'
        - type: object
          required: [id]
          properties:
            id: {type: string}
            driver: {type: object, properties: {name: {type: string}}}
)";

const QByteArray kSwagger20 = R"({
  "swagger": "2.0",
  "info": {"title": "Legacy", "version": "1"},
  "host": "legacy.fleet.example",
  "basePath": "/api",
  "schemes": ["http", "https"],
  "consumes": ["application/json"],
  "parameters": {
    "pageSize": {"name": "pageSize", "in": "query", "type": "integer", "format": "int32", "default": 50},
    "vehicle": {"name": "vehicle", "in": "path", "required": true, "type": "string"}
  },
  "paths": {
    "/vehicles/{vehicle}/damage": {
      "parameters": [{"$ref": "#/parameters/vehicle"}],
      "post": {
        "operationId": "reportDamage",
        "parameters": [
          {"name": "report", "in": "body", "required": true,
           "schema": {"$ref": "#/definitions/Damage"}}
        ],
        "responses": {"201": {"description": "ok", "schema": {"$ref": "#/definitions/Damage"},
                              "examples": {"application/json": {"description": "dent in the door", "severity": 2}}}}
      },
      "get": {
        "parameters": [{"$ref": "#/parameters/pageSize"},
                       {"name": "kind", "in": "query", "type": "string", "enum": ["scratch", "dent"], "x-nullable": true}],
        "responses": {"200": {"description": "ok", "schema": {"type": "array", "items": {"$ref": "#/definitions/Damage"}}}}
      }
    },
    "/vehicles/{vehicle}/photo": {
      "parameters": [{"$ref": "#/parameters/vehicle"}],
      "put": {
        "operationId": "uploadPhoto",
        "consumes": ["multipart/form-data"],
        "parameters": [
          {"name": "file", "in": "formData", "type": "file", "required": true},
          {"name": "caption", "in": "formData", "type": "string"}
        ],
        "responses": {"200": {"description": "ok"}}
      }
    }
  },
  "definitions": {
    "Damage": {"type": "object", "required": ["description"],
      "properties": {"description": {"type": "string"}, "severity": {"type": "integer"}}}
  }
})";

} // namespace

class TestOpenApiParser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    ToolRegistry load(const QString &name, const QByteArray &text)
    {
        return RegistryLoader().load({ test::writeFile(m_dir, name, text) });
    }

private Q_SLOTS:
    void openApi30Operations()
    {
        const ToolRegistry r = load(QStringLiteral("fleet.yaml"), kOpenApi30);
        QVERIFY2(r.errors().isEmpty(), qPrintable(dump(r.errors())));
        QCOMPARE(r.size(), 4); // the callback's operation is not a tool

        const ToolDefinition *list = r.find(QStringLiteral("listBookings"));
        QVERIFY(list);
        QCOMPARE(list->method, QStringLiteral("GET"));
        QCOMPARE(list->path, QStringLiteral("/vehicles/{vehicleId}/bookings"));
        QCOMPARE(list->baseUrl, QStringLiteral("https://eu.fleet.example/api/v2"));
        QCOMPARE(list->summary, QStringLiteral("Bookings of a vehicle")); // from the path item
        QCOMPARE(list->tags,
                 (QStringList { QStringLiteral("bookings"), QStringLiteral("vehicles") }));
        QCOMPARE(list->category, QStringLiteral("bookings"));
        // The operation's query `limit` replaces the path's; a header `limit` is another parameter.
        QCOMPARE(
            paramKeys(*list),
            (QStringList { QStringLiteral("path:vehicleId*"), QStringLiteral("query:limit*"),
                           QStringLiteral("header:X-Tenant"), QStringLiteral("header:limit") }));
        QCOMPARE(list->parameters[1].description, QStringLiteral("operation limit"));
        QCOMPARE(list->parameters[1].defaultValue, QJsonValue(20));
        QCOMPARE(list->parameters[0].format, QStringLiteral("uuid"));
        QVERIFY(list->requestContentType.isEmpty());
        QCOMPARE(list->outputKeys,
                 (QStringList { QStringLiteral("callbackUrl"), QStringLiteral("driver"),
                                QStringLiteral("driver.name"), QStringLiteral("from"),
                                QStringLiteral("id"), QStringLiteral("to") }));
        QVERIFY(!list->deprecated);
        QVERIFY(!list->embeddingText.isEmpty());

        const ToolDefinition *create = r.find(QStringLiteral("createBooking"));
        QVERIFY(create);
        QVERIFY(create->deprecated);
        QCOMPARE(create->baseUrl, QStringLiteral("https://booking.fleet.example"));
        QCOMPARE(create->requestContentType, QStringLiteral("application/json"));
        QCOMPARE(
            paramKeys(*create),
            (QStringList { QStringLiteral("path:vehicleId*"), QStringLiteral("query:limit"),
                           QStringLiteral("header:X-Tenant"), QStringLiteral("body:callbackUrl"),
                           QStringLiteral("body:from*"), QStringLiteral("body:to") }));
        QCOMPARE(create->outputKeys.size(), 6);
        QVERIFY(create->responseExample.isUndefined());
        QCOMPARE(create->responseSchema.value(u"type").toString(), QStringLiteral("object"));

        // The response schema is written out with its refs and allOf resolved.
        QCOMPARE(list->responseSchema.value(u"type").toString(), QStringLiteral("array"));
        const QJsonObject booking = list->responseSchema.value(u"items").toObject();
        QCOMPARE(
            booking.value(u"properties").toObject().keys(),
            (QStringList { QStringLiteral("callbackUrl"), QStringLiteral("driver"),
                           QStringLiteral("from"), QStringLiteral("id"), QStringLiteral("to") }));
        QCOMPARE(booking.value(u"required").toArray().size(), 2);
        // The example comes through an Example Object $ref; a "$ref" inside its value is data.
        const QJsonArray example = list->responseExample.toArray();
        QCOMPARE(example.size(), 1);
        QCOMPARE(example.first().toObject().value(u"id").toString(), QStringLiteral("b1"));
        QCOMPARE(example.first().toObject().value(u"$ref").toString(),
                 QStringLiteral("not a reference, just data"));
        QVERIFY(!r.find(QStringLiteral("bookingReadyCallback")));
    }

    void generatedIdsAndCategories()
    {
        const ToolRegistry r = load(QStringLiteral("fleet-ids.yaml"), kOpenApi30);
        const ToolDefinition *report = r.find(QStringLiteral("get_reports_mileage"));
        QVERIFY(report);
        QVERIFY(report->operationId.isEmpty());
        QCOMPARE(report->category, QStringLiteral("reports"));
        QCOMPARE(report->outputKeys, QStringList { QStringLiteral("km") }); // `default` when no 2xx
        const ToolDefinition *remove = r.find(QStringLiteral("delete_v1_drivers_id"));
        QVERIFY(remove);
        QCOMPARE(remove->category, QStringLiteral("drivers")); // "v1" is a version, not a category
        QVERIFY(remove->outputKeys.isEmpty());
    }

    void swagger20Operations()
    {
        const ToolRegistry r = load(QStringLiteral("legacy.json"), kSwagger20);
        QVERIFY2(r.errors().isEmpty(), qPrintable(dump(r.errors())));
        QCOMPARE(r.size(), 3);
        const ToolDefinition *report = r.find(QStringLiteral("reportDamage"));
        QVERIFY(report);
        QCOMPARE(report->baseUrl, QStringLiteral("https://legacy.fleet.example/api"));
        QCOMPARE(report->requestContentType, QStringLiteral("application/json"));
        QCOMPARE(
            paramKeys(*report),
            (QStringList { QStringLiteral("path:vehicle*"), QStringLiteral("body:description*"),
                           QStringLiteral("body:severity") }));
        QCOMPARE(report->outputKeys,
                 (QStringList { QStringLiteral("description"), QStringLiteral("severity") }));
        QCOMPARE(report->responseExample.toObject().value(u"severity"), QJsonValue(2));
        QCOMPARE(report->responseSchema.value(u"properties")
                     .toObject()
                     .value(u"severity")
                     .toObject()
                     .value(u"type")
                     .toString(),
                 QStringLiteral("integer"));

        const ToolDefinition *list = r.find(QStringLiteral("get_vehicles_vehicle_damage"));
        QVERIFY(list);
        QCOMPARE(paramKeys(*list),
                 (QStringList { QStringLiteral("path:vehicle*"), QStringLiteral("query:pageSize"),
                                QStringLiteral("query:kind") }));
        QCOMPARE(list->parameters[1].defaultValue, QJsonValue(50));
        QCOMPARE(list->parameters[1].format, QStringLiteral("int32"));
        QCOMPARE(list->parameters[2].enumValues,
                 (QStringList { QStringLiteral("scratch"), QStringLiteral("dent") }));
        QVERIFY(list->parameters[2].nullable);
        QCOMPARE(list->outputKeys,
                 (QStringList { QStringLiteral("description"), QStringLiteral("severity") }));

        const ToolDefinition *photo = r.find(QStringLiteral("uploadPhoto"));
        QVERIFY(photo);
        QCOMPARE(photo->requestContentType, QStringLiteral("multipart/form-data"));
        QCOMPARE(paramKeys(*photo),
                 (QStringList { QStringLiteral("path:vehicle*"), QStringLiteral("body:file*"),
                                QStringLiteral("body:caption") }));
        QCOMPARE(photo->parameters[1].format, QStringLiteral("binary"));
    }

    void webhooksAreNotTools()
    {
        const ToolRegistry r = load(QStringLiteral("hooks.yaml"), R"(
openapi: 3.1.0
info: {title: Hooks, version: "1"}
webhooks:
  vehicleMoved:
    post:
      operationId: vehicleMoved
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok}}
)");
        QVERIFY2(r.errors().isEmpty(), qPrintable(dump(r.errors())));
        QCOMPARE(r.size(), 0);
    }

    void danglingRefIsReportedAndTheRestLoads()
    {
        const ToolRegistry r = load(QStringLiteral("dangling.yaml"), R"(
openapi: 3.0.0
info: {title: D, version: "1"}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - $ref: '#/components/parameters/Missing'
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Gone'}}}}
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: ok}}
components: {schemas: {}}
)");
        QCOMPARE(r.size(), 2);
        const ToolDefinition *pet = r.find(QStringLiteral("getPet"));
        QVERIFY(pet);
        QCOMPARE(pet->parameters.size(), 1);
        QCOMPARE(r.errors().size(), 2);
        const LoadError &param = r.errors()[0];
        QCOMPARE(param.severity, LoadError::Severity::Error);
        QVERIFY(param.source.endsWith(u"dangling.yaml"));
        QCOMPARE(param.pointer, QStringLiteral("/paths/~1pets~1{id}/get/parameters/0/$ref"));
        QCOMPARE(param.message,
                 QStringLiteral("cannot resolve '#/components/parameters/Missing': "
                                "'/components' has no member 'parameters'"));
        QCOMPARE(
            r.errors()[1].pointer,
            QStringLiteral(
                "/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema/$ref"));
    }

    void wrongTypesAreReportedAndTheRestLoads()
    {
        const ToolRegistry r = load(QStringLiteral("wrong.yaml"), R"(
openapi: 3.0.0
info: {title: W, version: "1"}
paths:
  /a:
    get: not an operation
    post:
      operationId: 42
      tags: vehicles
      parameters: {name: x}
      responses: {'200': {description: ok}}
  /b:
    get:
      operationId: fine
      parameters:
        - {name: q, in: querystring}
        - {in: query}
        - {name: r, in: query, required: "yes", schema: {type: string}}
      responses: []
  /c: 17
)");
        QStringList found;
        for (const LoadError &e : r.errors())
            found.append(e.pointer + u" | " + e.message);
        const QStringList expected {
            QStringLiteral("/paths/~1a/get | expected an operation object, found a string"),
            QStringLiteral("/paths/~1a/post/operationId | expected a string, found a number; an id "
                           "is generated instead"),
            QStringLiteral("/paths/~1a/post/tags | expected an array of tag names, found a string"),
            QStringLiteral(
                "/paths/~1a/post/parameters | expected an array of parameters, found an object"),
            QStringLiteral("/paths/~1b/get/parameters/1 | a parameter needs string 'name' and 'in' "
                           "members; found name: nothing, in: a string"),
            QStringLiteral("/paths/~1b/get/parameters/0/in | expected 'in' to be one of path, "
                           "query, header, cookie, found 'querystring'"),
            QStringLiteral(
                "/paths/~1b/get/parameters/2/required | expected true or false, found a string"),
            QStringLiteral("/paths/~1b/get/responses | expected an object mapping status codes to "
                           "responses, found an array"),
            QStringLiteral("/paths/~1c | expected a path item object, found a number"),
        };
        QCOMPARE(found, expected);
        QCOMPARE(r.size(), 2);
        QVERIFY(r.find(QStringLiteral("post_a")));
        const ToolDefinition *fine = r.find(QStringLiteral("fine"));
        QVERIFY(fine);
        QCOMPARE(paramKeys(*fine), QStringList { QStringLiteral("query:r") });
    }

    void unsupportedVersionAndMissingPaths()
    {
        const ToolRegistry v4 = load(QStringLiteral("v4.yaml"), "openapi: 4.0.0\npaths: {}\n");
        QCOMPARE(v4.errors().size(), 1);
        QVERIFY2(v4.errors().first().message.contains(u"unsupported version \"4.0.0\""),
                 qPrintable(v4.errors().first().message));
        const ToolRegistry noPaths
            = load(QStringLiteral("nopaths.json"), R"({"swagger": "2.0", "info": {}})");
        QCOMPARE(noPaths.errors().size(), 1);
        QVERIFY(noPaths.errors().first().message.contains(u"'paths'"));
        const ToolRegistry badPaths
            = load(QStringLiteral("badpaths.json"), R"({"openapi": "3.1.0", "paths": []})");
        QCOMPARE(badPaths.errors().size(), 1);
        QCOMPARE(badPaths.errors().first().pointer, QStringLiteral("/paths"));
    }

    void pathItemRefsAndServersRelativeToNothing()
    {
        const ToolRegistry r = load(QStringLiteral("pathref.yaml"), R"(
openapi: 3.0.0
info: {title: P, version: "1"}
servers: [{url: /api}]
paths:
  /trips:
    $ref: '#/x-shared/trips'
x-shared:
  trips:
    get: {operationId: listTrips, responses: {'200': {description: ok}}}
)");
        QVERIFY2(r.errors().isEmpty(), qPrintable(dump(r.errors())));
        const ToolDefinition *trips = r.find(QStringLiteral("listTrips"));
        QVERIFY(trips);
        QCOMPARE(trips->baseUrl, QStringLiteral("/api")); // a file has no origin to resolve against
    }
};

QTEST_GUILESS_MAIN(TestOpenApiParser)
#include "tst_openapiparser.moc"
