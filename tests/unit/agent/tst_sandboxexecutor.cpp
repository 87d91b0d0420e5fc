// SandboxExecutor: answers from examples or schemas, echoes arguments, invents writes,
// deterministic, always dry-run; and every demo tool's invented answer fits its schema.

#include "agent/examplearguments.h"
#include "agent/sandboxexecutor.h"
#include "core/clock.h"
#include "registry/registryloader.h"

#include "schemacheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

constexpr qint64 kWednesday = 1'796'202'000'000; // 2026-12-02T10:00:00+01:00

ToolParameter param(const QString &name, ParamLocation in, bool required, const QString &type = u"string"_s)
{
    ToolParameter p;
    p.name = name;
    p.location = in;
    p.required = required;
    p.type = type;
    return p;
}

ToolDefinition getBooking()
{
    ToolDefinition t;
    t.id = u"getPoolBooking"_s;
    t.method = u"GET"_s;
    t.path = u"/pool-bookings/{bookingId}"_s;
    t.parameters = {param(u"bookingId"_s, ParamLocation::Path, true)};
    t.responseSchema = QJsonDocument::fromJson(R"({"type":"object","required":["id","status"],"properties":{
        "id":{"type":"string"},"bookingId":{"type":"string"},"vehicleId":{"type":"string"},
        "status":{"type":"string","enum":["confirmed","cancelled"]},
        "startAt":{"type":"string","format":"date-time"},"passengers":{"type":"integer","minimum":0,"maximum":8}}})")
                           .object();
    return t;
}

} // namespace

class TestSandboxExecutor : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{kWednesday};

private Q_SLOTS:
    void answersFromSchemaAndEchoes()
    {
        SandboxExecutor sandbox(m_clock, 7);
        const ToolDefinition t = getBooking();
        const ToolResult r = sandbox.run(t, {t.id, {{u"bookingId"_s, u"pbk_123"_s}}, {}, {}});
        QVERIFY(r.ok);
        QVERIFY(r.dryRun);
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.attempts, 0);
        const QJsonObject body = r.body.toObject();
        QCOMPARE(body.value(u"bookingId"_s).toString(), u"pbk_123"_s);
        QStringList problems;
        checkSchema(r.body, t.responseSchema, u"$"_s, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // Invented dates sit near the clock's today.
        const QDate start = QDateTime::fromString(body.value(u"startAt"_s).toString(), Qt::ISODate).date();
        QVERIFY(start >= QDate(2026, 12, 2) && start <= QDate(2027, 1, 1));
    }

    void deterministicPerSeedAndArguments()
    {
        const ToolDefinition t = getBooking();
        SandboxExecutor a(m_clock, 7), b(m_clock, 7), c(m_clock, 8);
        const ToolCall call{t.id, {{u"bookingId"_s, u"pbk_1"_s}}, {}, {}};
        QCOMPARE(a.run(t, call).body, b.run(t, call).body);
        QCOMPARE(a.run(t, call).body, a.run(t, call).body);
        QVERIFY(a.run(t, call).body != c.run(t, call).body);
        const ToolCall other{t.id, {{u"bookingId"_s, u"pbk_2"_s}}, {}, {}};
        QVERIFY(a.run(t, call).body != a.run(t, other).body);
    }

    void exampleIsUsedWithArgumentsOverlaid()
    {
        ToolDefinition t = getBooking();
        t.responseExample = QJsonDocument::fromJson(R"({"id":"pbk_9","vehicleId":"veh_1","status":"confirmed",
            "rows":[{"vehicleId":"veh_1","id":"r1"}]})").object();
        SandboxExecutor sandbox(m_clock);
        const QJsonObject body = sandbox.run(t, {t.id, {{u"bookingId"_s, u"pbk_5"_s}, {u"vehicleId"_s, u"veh_77"_s}}, {}, {}})
                                     .body.toObject();
        QCOMPARE(body.value(u"id"_s).toString(), u"pbk_9"_s);
        QCOMPARE(body.value(u"vehicleId"_s).toString(), u"veh_77"_s);
        QCOMPARE(body.value(u"rows"_s).toArray().first().toObject().value(u"vehicleId"_s).toString(), u"veh_77"_s);
        QCOMPARE(body.value(u"rows"_s).toArray().first().toObject().value(u"id"_s).toString(), u"r1"_s);
        QVERIFY(!body.contains(u"bookingId"_s)); // only fields the example has
    }

    void writesWithoutSchemaInventAnObject()
    {
        ToolDefinition t;
        t.id = u"createThing"_s;
        t.method = u"POST"_s;
        t.path = u"/things"_s;
        t.requestContentType = u"application/json"_s;
        t.parameters = {param(u"vehicle.id"_s, ParamLocation::Body, true), param(u"note"_s, ParamLocation::Body, false)};
        SandboxExecutor sandbox(m_clock);
        ToolResult r = sandbox.run(t, {t.id, {{u"vehicle.id"_s, u"veh_1"_s}, {u"note"_s, u"hi"_s}}, {}, {}});
        QVERIFY(r.ok);
        QCOMPARE(r.httpStatus, 201);
        const QJsonObject body = r.body.toObject();
        QCOMPARE(body.value(u"vehicle"_s).toObject().value(u"id"_s).toString(), u"veh_1"_s);
        QCOMPARE(body.value(u"note"_s).toString(), u"hi"_s);
        QCOMPARE(body.value(u"status"_s).toString(), u"created"_s);
        QVERIFY(!body.value(u"id"_s).toString().isEmpty());

        t.method = u"PATCH"_s;
        r = sandbox.run(t, {t.id, {{u"vehicle.id"_s, u"veh_1"_s}}, {}, {}});
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.body.toObject().value(u"status"_s).toString(), u"updated"_s);

        t.method = u"DELETE"_s;
        r = sandbox.run(t, {t.id, {{u"vehicle.id"_s, u"veh_1"_s}}, {}, {}});
        QCOMPARE(r.httpStatus, 204);
        QVERIFY(r.body.isUndefined());
        QVERIFY(r.dryRun);
    }

    void refusesIncompleteCalls()
    {
        SandboxExecutor sandbox(m_clock);
        const ToolDefinition t = getBooking();
        QFuture<ToolResult> f = sandbox.execute(t, {t.id, {}, {}, {}});
        QVERIFY(f.isFinished());
        QVERIFY(!f.result().ok);
        QVERIFY(f.result().dryRun);
        QVERIFY2(f.result().error.contains(u"bookingId (path)"_s), qPrintable(f.result().error));
    }

    void everyDemoToolAnswersWithinItsSchema()
    {
        const ToolRegistry registry = RegistryLoader().load({QStringLiteral(M1_SOURCE_DIR "/resources/demo/fleet-api.yaml")});
        QVERIFY(registry.size() >= 150);
        SandboxExecutor sandbox(m_clock, 3);
        const SchemaExampleGenerator generator(3, QDate(2026, 12, 2));
        const ExampleArguments args(generator);
        int withSchema = 0;
        QStringList problems;
        for (const ToolDefinition &tool : registry.tools()) {
            const ToolResult r = sandbox.run(tool, {tool.id, args.build(tool, ExampleArguments::Coverage::RequiredOnly), {}, {}});
            QVERIFY2(r.ok, qPrintable(tool.id + u": "_s + r.error));
            QVERIFY(r.dryRun);
            if (tool.responseSchema.isEmpty() || !tool.responseExample.isUndefined())
                continue;
            ++withSchema;
            QStringList local;
            checkSchema(r.body, tool.responseSchema, tool.id, &local);
            problems += local;
        }
        QVERIFY(withSchema >= 100);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 30).join(u'\n')));
    }

};

QTEST_GUILESS_MAIN(TestSandboxExecutor)
#include "tst_sandboxexecutor.moc"
