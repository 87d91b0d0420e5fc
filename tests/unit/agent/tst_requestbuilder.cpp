// RequestBuilder: parameter placement and encodings without any network.

#include "agent/requestbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

ToolParameter param(const QString &name, ParamLocation in, bool required, const QString &type = u"string"_s)
{
    ToolParameter p;
    p.name = name;
    p.location = in;
    p.required = required;
    p.type = type;
    return p;
}

} // namespace

class TestRequestBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text()
    {
        QCOMPARE(RequestBuilder::text(3.0), u"3"_s);
        QCOMPARE(RequestBuilder::text(45.5), u"45.5"_s);
        QCOMPARE(RequestBuilder::text(true), u"true"_s);
        QCOMPARE(RequestBuilder::text(QJsonArray{1, u"a"_s}), u"1,a"_s);
        QCOMPARE(RequestBuilder::text(QJsonValue(qint64(1234567890123))), u"1234567890123"_s);
    }

    void missingRequired()
    {
        ToolDefinition t;
        t.id = u"x"_s;
        ToolParameter withDefault = param(u"pageSize"_s, ParamLocation::Query, true, u"integer"_s);
        withDefault.defaultValue = 20;
        ToolParameter nullable = param(u"note"_s, ParamLocation::Body, true);
        nullable.nullable = true;
        t.parameters = {param(u"id"_s, ParamLocation::Path, true), withDefault, nullable,
                        param(u"name"_s, ParamLocation::Body, true)};
        QCOMPARE(RequestBuilder::missingRequired(t, {{u"note"_s, QJsonValue::Null}}),
                 (QStringList{u"id (path)"_s, u"name (body)"_s}));
        QCOMPARE(RequestBuilder::missingRequired(t, {{u"id"_s, u""_s}, {u"name"_s, u"n"_s}, {u"note"_s, u"x"_s}}),
                 QStringList{u"id (path)"_s}); // an empty path segment is no id
        QVERIFY(RequestBuilder::missingRequired(t, {{u"id"_s, 7}, {u"name"_s, u"n"_s}, {u"note"_s, QJsonValue::Null}})
                    .isEmpty());

        // The required default is sent.
        t.baseUrl = u"https://api.example/v1"_s;
        t.path = u"/things/{id}"_s;
        t.method = u"POST"_s;
        t.requestContentType = u"application/json"_s;
        const HttpRequestSpec spec = RequestBuilder::build(t, {t.id, {{u"id"_s, 7}, {u"name"_s, u"n"_s}, {u"note"_s, QJsonValue::Null}}, {}, {}}, {});
        QVERIFY2(spec.isValid(), qPrintable(spec.error));
        QCOMPARE(spec.url.toEncoded(), QByteArray("https://api.example/v1/things/7?pageSize=20"));
        QCOMPARE(QJsonDocument::fromJson(spec.body).object(), (QJsonObject{{u"name"_s, u"n"_s}, {u"note"_s, QJsonValue::Null}}));
    }

    void nestedBodyWhereObjectAndScalarMeetTheObjectWins()
    {
        ToolDefinition t;
        t.parameters = {param(u"vehicle"_s, ParamLocation::Body, false), param(u"vehicle.id"_s, ParamLocation::Body, false),
                        param(u"a.b.c"_s, ParamLocation::Body, false, u"integer"_s)};
        t.requestContentType = u"application/json"_s;
        const QJsonValue body = RequestBuilder::jsonBody(t, {{u"vehicle"_s, u"veh_1"_s}, {u"vehicle.id"_s, u"veh_2"_s},
                                                             {u"a.b.c"_s, u"5"_s}});
        QCOMPARE(body.toObject(), (QJsonObject{{u"vehicle"_s, QJsonObject{{u"id"_s, u"veh_2"_s}}},
                                               {u"a"_s, QJsonObject{{u"b"_s, QJsonObject{{u"c"_s, 5}}}}}}));
        ToolDefinition noBody;
        QVERIFY(RequestBuilder::jsonBody(noBody, {}).isUndefined());
        // A tool with a body but nothing given for it still sends "{}".
        QCOMPARE(RequestBuilder::jsonBody(t, {}).toObject(), QJsonObject());
    }

    void wholeArrayBody()
    {
        ToolDefinition t;
        t.id = u"bulk"_s;
        t.method = u"POST"_s;
        t.path = u"/bulk"_s;
        t.baseUrl = u"http://h"_s;
        t.requestContentType = u"application/json"_s;
        t.parameters = {param(u"body"_s, ParamLocation::Body, true, u"array"_s)};
        const HttpRequestSpec spec = RequestBuilder::build(t, {t.id, {{u"body"_s, QJsonArray{1, 2}}}, {}, {}}, {});
        QCOMPARE(spec.body, QByteArray("[1,2]"));
    }

    void formAndMultipartAndText()
    {
        ToolDefinition t;
        t.id = u"f"_s;
        t.method = u"POST"_s;
        t.path = u"/f"_s;
        t.baseUrl = u"http://h"_s;
        t.parameters = {param(u"name"_s, ParamLocation::Body, true), param(u"tags"_s, ParamLocation::Body, false, u"array"_s)};
        t.requestContentType = u"application/x-www-form-urlencoded"_s;
        const QJsonObject args{{u"name"_s, u"Ana & Marko"_s}, {u"tags"_s, QJsonArray{u"a"_s, u"b"_s}}};
        HttpRequestSpec spec = RequestBuilder::build(t, {t.id, args, {}, {}}, {});
        QCOMPARE(spec.body, QByteArray("name=Ana%20%26%20Marko&tags=a&tags=b"));
        QCOMPARE(spec.header("content-type"), QByteArray("application/x-www-form-urlencoded"));

        t.requestContentType = u"multipart/form-data"_s;
        spec = RequestBuilder::build(t, {t.id, args, {}, {}}, {});
        QVERIFY(spec.header("Content-Type").startsWith("multipart/form-data; boundary="));
        QVERIFY(spec.body.contains("Content-Disposition: form-data; name=\"name\"\r\n\r\nAna & Marko\r\n"));
        QVERIFY(spec.body.endsWith("--\r\n"));

        t.requestContentType = u"text/plain"_s;
        t.parameters = {param(u"body"_s, ParamLocation::Body, true)};
        spec = RequestBuilder::build(t, {t.id, {{u"body"_s, u"hello"_s}}, {}, {}}, {});
        QCOMPARE(spec.body, QByteArray("hello"));
        QCOMPARE(spec.header("content-type"), QByteArray("text/plain"));
    }

    void authKinds()
    {
        ToolDefinition t;
        t.id = u"a"_s;
        t.method = u"GET"_s;
        t.path = u"/a"_s;
        t.baseUrl = u"http://h/"_s;
        HttpRequestSpec spec = RequestBuilder::build(t, {}, {}, {AuthCredentials::Kind::ApiKeyQuery, u"k y"_s, u"api_key"_s});
        QCOMPARE(spec.url.toEncoded(), QByteArray("http://h/a?api_key=k%20y"));
        spec = RequestBuilder::build(t, {}, {}, AuthCredentials::apiKeyHeader(u"X-API-Key"_s, u"secret"_s));
        QCOMPARE(spec.header("x-api-key"), QByteArray("secret"));
        spec = RequestBuilder::build(t, {}, u"http://override:8080/base"_s, {});
        QCOMPARE(spec.url.toEncoded(), QByteArray("http://override:8080/base/a"));
        QVERIFY(spec.header("Authorization").isEmpty());
    }

    void queryObjectsExplode()
    {
        ToolDefinition t;
        t.id = u"q"_s;
        t.method = u"GET"_s;
        t.path = u"/q"_s;
        t.baseUrl = u"http://h"_s;
        t.parameters = {param(u"filter"_s, ParamLocation::Query, false, u"object"_s)};
        const HttpRequestSpec spec = RequestBuilder::build(
            t, {t.id, {{u"filter"_s, QJsonObject{{u"city"_s, u"Zagreb"_s}, {u"free"_s, true}}}}, {}, {}}, {});
        QCOMPARE(spec.url.query(QUrl::FullyEncoded), u"city=Zagreb&free=true"_s);
    }

    void authConfigFromJson()
    {
        qputenv("M1_TEST_TOKEN", "from-env");
        QString error;
        const QJsonObject json = QJsonDocument::fromJson(R"({
            "default": {"type": "bearer", "token": "env:M1_TEST_TOKEN"},
            "tenants": {"acme": {"type": "apiKey", "name": "X-API-Key", "key": "k1"},
                        "beta": {"type": "apiKey", "in": "query", "name": "key", "key": "k2"}}})").object();
        const AuthConfig config = AuthConfig::fromJson(json, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(config.forTenant({}), AuthCredentials::bearer(u"from-env"_s));
        QCOMPARE(config.forTenant(u"acme"_s), AuthCredentials::apiKeyHeader(u"X-API-Key"_s, u"k1"_s));
        QCOMPARE(config.forTenant(u"beta"_s).kind, AuthCredentials::Kind::ApiKeyQuery);
        QCOMPARE(config.forTenant(u"nobody"_s), AuthCredentials::bearer(u"from-env"_s));

        AuthConfig::fromJson(QJsonDocument::fromJson(R"({"tenants": {"x": {"type": "basic"}}})").object(), &error);
        QVERIFY2(error.startsWith(u"tenants.x.type:"_s), qPrintable(error));
        AuthConfig::fromJson(QJsonDocument::fromJson(R"({"default": {"type": "bearer", "token": "env:M1_UNSET_VAR_X"}})").object(), &error);
        QVERIFY2(error.startsWith(u"default.token:"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRequestBuilder)
#include "tst_requestbuilder.moc"
