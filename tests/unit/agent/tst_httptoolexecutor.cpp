// HttpToolExecutor against a scripted loopback server: where parameters go, auth per tenant,
// retries only for idempotent calls, the circuit breaker, timeouts, refusing incomplete calls.

#include "agent/httptoolexecutor.h"
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "net/networkclients.h"

#include "loopbackserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QtConcurrent>

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

ToolDefinition tool(const QString &method, const QString &path, const QList<ToolParameter> &params,
                    const QString &contentType = {})
{
    ToolDefinition t;
    t.id = method.toLower() + path;
    t.method = method;
    t.path = path;
    t.parameters = params;
    t.requestContentType = contentType;
    return t;
}

ToolResult wait(QFuture<ToolResult> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 20'000))
        return ToolResult::failure(u"test: future did not finish"_s);
    return future.result();
}

} // namespace

class TestHttpToolExecutor : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock;
    NetworkClients m_clients;

    std::unique_ptr<HttpToolExecutor> executor(const QString &baseUrl, int attempts = 3, int breakerThreshold = 100,
                                               AuthConfig auth = {}, int timeoutMs = 10'000)
    {
        HttpExecutorOptions options;
        options.baseUrlOverride = baseUrl;
        options.retry.maxAttempts = attempts;
        options.retry.baseDelayMs = 5;
        options.retry.maxDelayMs = 20;
        options.breaker.failureThreshold = breakerThreshold;
        options.breaker.openMs = 60'000;
        options.timeoutMs = timeoutMs;
        return std::make_unique<HttpToolExecutor>(m_clients, m_clock, std::move(auth), options, nullptr,
                                                  [] { return 0.5; });
    }

private Q_SLOTS:
    void placesPathQueryHeaderCookieAndAuth()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        AuthConfig auth;
        auth.setDefault(AuthCredentials::bearer(u"tok-123"_s));
        auto ex = executor(server.baseUrl() + u"/v1/"_s, 3, 100, auth);
        const ToolDefinition t = tool(u"GET"_s, u"/vehicles/{vehicleId}/bookings"_s,
                                      {param(u"vehicleId"_s, ParamLocation::Path, true),
                                       param(u"from"_s, ParamLocation::Query, false),
                                       param(u"status"_s, ParamLocation::Query, false, u"array"_s),
                                       param(u"page"_s, ParamLocation::Query, false, u"integer"_s),
                                       param(u"onlyMine"_s, ParamLocation::Query, false, u"boolean"_s),
                                       param(u"X-Trace-Id"_s, ParamLocation::Header, false),
                                       param(u"session"_s, ParamLocation::Cookie, false)});
        const QJsonObject args{{u"vehicleId"_s, u"veh/1 é"_s},
                               {u"from"_s, u"2026-12-03T08:00:00+01:00"_s},
                               {u"status"_s, QJsonArray{u"confirmed"_s, u"active"_s}},
                               {u"page"_s, 2},
                               {u"onlyMine"_s, true},
                               {u"X-Trace-Id"_s, u"abc"_s},
                               {u"session"_s, u"s 1"_s}};
        const ToolResult r = wait(ex->execute(t, {t.id, args, {}, {}}));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.body.toObject().value(u"ok"_s).toBool(), true);
        QVERIFY(!r.dryRun);
        QCOMPARE(server.count(), 1);
        const LoopbackServer::Request &req = server.requests().first();
        QCOMPARE(req.method, QByteArray("GET"));
        QCOMPARE(req.target, QByteArray("/v1/vehicles/veh%2F1%20%C3%A9/bookings?from=2026-12-03T08%3A00%3A00%2B01%3A00"
                                        "&status=confirmed&status=active&page=2&onlyMine=true"));
        QCOMPARE(req.headers.value("authorization"), QByteArray("Bearer tok-123"));
        QCOMPARE(req.headers.value("x-trace-id"), QByteArray("abc"));
        QCOMPARE(req.headers.value("cookie"), QByteArray("session=s%201"));
        QCOMPARE(req.headers.value("accept"), QByteArray("application/json"));
        QVERIFY(req.body.isEmpty());
    }

    void nestedJsonBodyAndApiKeyPerTenant()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(201, R"({"id":"pbk_1","status":"confirmed"})");
        server.enqueue(201, R"({"id":"pbk_2"})");
        AuthConfig auth;
        auth.setDefault(AuthCredentials::bearer(u"default-token"_s));
        auth.setTenant(u"acme"_s, AuthCredentials::apiKeyHeader(u"X-API-Key"_s, u"acme-key"_s));
        auto ex = executor(server.baseUrl(), 3, 100, auth);
        const ToolDefinition t = tool(u"POST"_s, u"/pool-bookings"_s,
                                      {param(u"driver.id"_s, ParamLocation::Body, true),
                                       param(u"driver.name"_s, ParamLocation::Body, false),
                                       param(u"passengers"_s, ParamLocation::Body, false, u"integer"_s),
                                       param(u"period.from"_s, ParamLocation::Body, true),
                                       param(u"period.to"_s, ParamLocation::Body, true),
                                       param(u"childSeat"_s, ParamLocation::Body, false, u"boolean"_s)},
                                      u"application/json"_s);
        const QJsonObject args{{u"driver.id"_s, u"per_7"_s}, {u"passengers"_s, u"3"_s},
                               {u"period.from"_s, u"2026-12-03"_s}, {u"period.to"_s, u"2026-12-04"_s},
                               {u"childSeat"_s, false}};
        ToolResult r = wait(ex->execute(t, {t.id, args, u"acme"_s, {}}));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.httpStatus, 201);
        QCOMPARE(r.body.toObject().value(u"id"_s).toString(), u"pbk_1"_s);
        const LoopbackServer::Request &req = server.requests().first();
        QCOMPARE(req.method, QByteArray("POST"));
        QCOMPARE(req.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(req.headers.value("x-api-key"), QByteArray("acme-key"));
        QVERIFY(!req.headers.contains("authorization"));
        const QJsonObject sent = QJsonDocument::fromJson(req.body).object();
        const QJsonObject expected{{u"driver"_s, QJsonObject{{u"id"_s, u"per_7"_s}}},
                                   {u"passengers"_s, 3},
                                   {u"period"_s, QJsonObject{{u"from"_s, u"2026-12-03"_s}, {u"to"_s, u"2026-12-04"_s}}},
                                   {u"childSeat"_s, false}};
        QCOMPARE(sent, expected);

        r = wait(ex->execute(t, {t.id, args, u"unknown-tenant"_s, {}}));
        QVERIFY(r.ok);
        QCOMPARE(server.requests().at(1).headers.value("authorization"), QByteArray("Bearer default-token"));
    }

    void refusesIncompleteCallsWithoutSending()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        auto ex = executor(server.baseUrl());
        const ToolDefinition t = tool(u"POST"_s, u"/vehicles/{vehicleId}/odometer"_s,
                                      {param(u"vehicleId"_s, ParamLocation::Path, true),
                                       param(u"odometerKm"_s, ParamLocation::Body, true, u"integer"_s),
                                       param(u"note"_s, ParamLocation::Body, false)},
                                      u"application/json"_s);
        const ToolResult r = wait(ex->execute(t, {t.id, {{u"note"_s, u"x"_s}}, {}, {}}));
        QVERIFY(!r.ok);
        QCOMPARE(r.attempts, 0);
        QCOMPARE(r.httpStatus, 0);
        QVERIFY2(r.error.contains(u"vehicleId (path)"_s) && r.error.contains(u"odometerKm (body)"_s), qPrintable(r.error));
        QTest::qWait(50);
        QCOMPARE(server.count(), 0);
    }

    void retriesIdempotentMethods_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("status");
        QTest::newRow("GET 503") << u"GET"_s << 503;
        QTest::newRow("GET 429") << u"GET"_s << 429;
        QTest::newRow("PUT 502") << u"PUT"_s << 502;
        QTest::newRow("DELETE 500") << u"DELETE"_s << 500;
        QTest::newRow("HEAD 503") << u"HEAD"_s << 503;
        QTest::newRow("OPTIONS 503") << u"OPTIONS"_s << 503;
    }

    void retriesIdempotentMethods()
    {
        QFETCH(QString, method);
        QFETCH(int, status);
        LoopbackServer server;
        QVERIFY(server.listen());
        LoopbackServer::Response busy;
        busy.status = status;
        busy.headers.emplaceBack("Retry-After", "0");
        server.enqueue(busy);
        server.enqueue(busy);
        auto ex = executor(server.baseUrl(), 3);
        const ToolDefinition t = tool(method, u"/things"_s, {});
        const ToolResult r = wait(ex->execute(t, {t.id, {}, {}, {}}));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.attempts, 3);
        QCOMPARE(server.count(), 3);
    }

    void givesUpAfterMaxAttempts()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(503, R"({"message":"maintenance"})", 5);
        auto ex = executor(server.baseUrl(), 3);
        const ToolDefinition t = tool(u"GET"_s, u"/things"_s, {});
        const ToolResult r = wait(ex->execute(t, {t.id, {}, {}, {}}));
        QVERIFY(!r.ok);
        QCOMPARE(r.httpStatus, 503);
        QCOMPARE(r.attempts, 3);
        QCOMPARE(server.count(), 3);
        QVERIFY2(r.error.contains(u"maintenance"_s) && r.error.contains(u"3 attempts"_s), qPrintable(r.error));
    }

    void doesNotRetryWrites()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(503, "{}", 3);
        auto ex = executor(server.baseUrl(), 3);
        for (const QString &method : {u"POST"_s, u"PATCH"_s}) {
            const int before = server.count();
            const ToolDefinition t = tool(method, u"/things"_s, {param(u"x"_s, ParamLocation::Body, false)},
                                          u"application/json"_s);
            const ToolResult r = wait(ex->execute(t, {t.id, {{u"x"_s, 1}}, {}, {}}));
            QVERIFY(!r.ok);
            QCOMPARE(r.httpStatus, 503);
            QCOMPARE(r.attempts, 1);
            QCOMPARE(server.count(), before + 1);
        }
    }

    void doesNotRetryClientErrors()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(404, R"({"code":"NOT_FOUND","message":"no such vehicle"})");
        auto ex = executor(server.baseUrl(), 3);
        const ToolDefinition t = tool(u"GET"_s, u"/things"_s, {});
        const ToolResult r = wait(ex->execute(t, {t.id, {}, {}, {}}));
        QCOMPARE(r.httpStatus, 404);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.body.toObject().value(u"code"_s).toString(), u"NOT_FOUND"_s);
        QVERIFY(r.error.contains(u"no such vehicle"_s));
    }

    void retriesPostWithIdempotencyKey()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(503);
        server.enqueue(201, R"({"id":"exp_1"})");
        auto ex = executor(server.baseUrl(), 3);
        const ToolDefinition t = tool(u"POST"_s, u"/expenses"_s,
                                      {param(u"Idempotency-Key"_s, ParamLocation::Header, false),
                                       param(u"amount"_s, ParamLocation::Body, true, u"number"_s)},
                                      u"application/json"_s);
        const ToolResult r = wait(ex->execute(t, {t.id, {{u"amount"_s, 12.5}}, {}, {}}));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.attempts, 2);
        const QByteArray key = server.requests().at(0).headers.value("idempotency-key");
        QVERIFY(!key.isEmpty()); // generated, since the call brought none
        QCOMPARE(server.requests().at(1).headers.value("idempotency-key"), key);

        // A key the caller chose is the one sent.
        const ToolResult again = wait(ex->execute(t, {t.id, {{u"amount"_s, 1}}, {}, u"turn-42"_s}));
        QVERIFY(again.ok);
        QCOMPARE(server.requests().last().headers.value("idempotency-key"), QByteArray("turn-42"));
    }

    void networkErrorsAreRetriedThenReported()
    {
        LoopbackServer closed;
        QVERIFY(closed.listen());
        const QString url = closed.baseUrl();
        closed.close(); // nothing listens there any more: connection refused
        auto ex = executor(url, 3);
        const ToolDefinition t = tool(u"GET"_s, u"/things"_s, {});
        const ToolResult r = wait(ex->execute(t, {t.id, {}, {}, {}}));
        QVERIFY(!r.ok);
        QCOMPARE(r.httpStatus, 0);
        QCOMPARE(r.attempts, 3);
        QVERIFY2(r.error.contains(u"cannot reach 127.0.0.1"_s), qPrintable(r.error));
    }

    void timeout()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        LoopbackServer::Response never;
        never.hang = true;
        server.enqueue(never);
        auto ex = executor(server.baseUrl(), 1, 100, {}, 200);
        const ToolDefinition t = tool(u"GET"_s, u"/slow"_s, {});
        const ToolResult r = wait(ex->execute(t, {t.id, {}, {}, {}}));
        QVERIFY(!r.ok);
        QCOMPARE(r.httpStatus, 0);
        QCOMPARE(r.attempts, 1);
        QVERIFY2(r.error.contains(u"within 200 ms"_s), qPrintable(r.error));
    }

    void breakerOpensPerHostAndRecovers()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(500, "{}", 2);
        auto ex = executor(server.baseUrl(), 1, 2);
        const ToolDefinition t = tool(u"GET"_s, u"/things"_s, {});
        const QString host = QUrl(server.baseUrl()).host() + u':' + QString::number(QUrl(server.baseUrl()).port());
        QCOMPARE(wait(ex->execute(t, {t.id, {}, {}, {}})).httpStatus, 500);
        QCOMPARE(ex->breakerState(host), CircuitBreaker::State::Closed);
        QCOMPARE(wait(ex->execute(t, {t.id, {}, {}, {}})).httpStatus, 500);
        QCOMPARE(ex->breakerState(host), CircuitBreaker::State::Open);

        const ToolResult refused = wait(ex->execute(t, {t.id, {}, {}, {}}));
        QVERIFY(!refused.ok);
        QCOMPARE(refused.attempts, 0);
        QVERIFY(refused.unavailable); // told apart from a call that could not be built
        QVERIFY2(refused.error.contains(u"circuit breaker is open"_s), qPrintable(refused.error));
        QCOMPARE(server.count(), 2); // nothing was sent

        // Another host is not affected.
        LoopbackServer other;
        QVERIFY(other.listen());
        QVERIFY(wait(executor(other.baseUrl(), 1, 2)->execute(t, {t.id, {}, {}, {}})).ok);

        m_clock.advanceMs(61'000); // past openMs: one trial call goes through and closes it
        const ToolResult trial = wait(ex->execute(t, {t.id, {}, {}, {}}));
        QVERIFY2(trial.ok, qPrintable(trial.error));
        QCOMPARE(ex->breakerState(host), CircuitBreaker::State::Closed);
        QCOMPARE(server.count(), 3);
    }

    void responseBodies()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        LoopbackServer::Response text;
        text.body = "plain words";
        text.contentType = "text/plain";
        server.enqueue(text);
        LoopbackServer::Response empty;
        empty.status = 204;
        empty.body.clear();
        server.enqueue(empty);
        server.enqueue(200, "42");
        auto ex = executor(server.baseUrl());
        const ToolDefinition t = tool(u"GET"_s, u"/x"_s, {});
        QCOMPARE(wait(ex->execute(t, {t.id, {}, {}, {}})).body.toString(), u"plain words"_s);
        const ToolResult noContent = wait(ex->execute(t, {t.id, {}, {}, {}}));
        QVERIFY(noContent.ok);
        QVERIFY(noContent.body.isUndefined());
        QCOMPARE(wait(ex->execute(t, {t.id, {}, {}, {}})).body.toInt(), 42);
    }

    void toolBaseUrlAndExecuteFromAnotherThread()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        MetricsRegistry metrics(m_clock);
        HttpToolExecutor ex(m_clients, m_clock, {}, {}, &metrics);
        ToolDefinition t = tool(u"GET"_s, u"/ping"_s, {});
        t.baseUrl = server.baseUrl() + u"/api/"_s;
        // execute() is called on a pool thread; the request still goes out on ex's thread.
        QFuture<QFuture<ToolResult>> outer = QtConcurrent::run([&ex, t] { return ex.execute(t, {t.id, {}, {}, {}}); });
        QVERIFY(QTest::qWaitFor([&] { return outer.isFinished(); }, 10'000));
        const ToolResult r = wait(outer.result());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(server.requests().first().target, QByteArray("/api/ping"));
        QCOMPARE(metrics.counter(u"agent.tool.requests"_s).value(), 1u);
        QCOMPARE(metrics.histogram(u"agent.tool.latency"_s).count(), 1u);

        ToolDefinition noServer = tool(u"GET"_s, u"/ping"_s, {});
        const ToolResult r2 = wait(ex.execute(noServer, {noServer.id, {}, {}, {}}));
        QVERIFY(r2.error.contains(u"no base URL"_s));
        QCOMPARE(metrics.counter(u"agent.tool.failed"_s).value(), 1u);
    }
};

QTEST_GUILESS_MAIN(TestHttpToolExecutor)
#include "tst_httptoolexecutor.moc"
