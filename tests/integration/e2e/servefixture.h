#pragma once
// What the tests around `m1bot serve` child processes share (e2e, faults, security): a
// redis-server, a Graph API stand-in capturing the replies, the WhatsApp settings in the
// environment (with distinctive secrets), a connection of the test's own to the store, and
// readers for /metrics and the inbound stream. Every wait spins this thread's event loop.
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "httpprobe.h"
#include "pipeline/inboundqueue.h"
#include "redistestserver.h"
#include "serveprocess.h"
#include "store/redisstore.h"
#include "testsupport/fakegraphapiserver.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>

// For initTestCase(): skips the suite when the m1bot binary or redis-server is missing, fails it
// when the fixture cannot start otherwise. A macro, as QSKIP and QVERIFY must return from the slot.
#define M1_START_SERVE_FIXTURE(fixture)                                                            \
    do {                                                                                           \
        if (qEnvironmentVariableIsEmpty("M1BOT"))                                                  \
            QSKIP("M1BOT (the m1bot binary) is not set");                                          \
        const QString m1FixtureReady = (fixture).start();                                          \
        if (m1FixtureReady == m1::ServeFixture::redisMissing())                                    \
            QSKIP("redis-server is not installed");                                                \
        QVERIFY2(m1FixtureReady.isEmpty(), qPrintable(m1FixtureReady));                            \
    } while (false)

namespace m1 {

class ServeFixture
{
public:
    static QByteArray appSecret() { return QByteArrayLiteral("SEC-appsecret-4f1d9c7b2e8a6053"); }
    static QString verifyToken() { return QStringLiteral("SEC-verifytoken-8b3e0d5a"); }
    static QString accessToken() { return QStringLiteral("SEC-EAAGaccesstoken-71c2b9e4d0f3a5"); }

    static QString redisMissing() { return QStringLiteral("redis-server is not installed"); }
    static QString ask() { return QStringLiteral("show the fleet utilization report"); }

    // "" when ready; redisMissing() when there is no redis-server to start.
    QString start()
    {
        if (!RedisTestServer::isAvailable())
            return redisMissing();
        QString error;
        if (!m_redis.start(&error) || !m_graph.listen(&error))
            return error;
        m_graph.setAccessToken(accessToken());
        m_store = std::make_unique<RedisStore>(m_redis.tcpUrl(), m_metrics, m_clock);
        if (!QTest::qWaitFor([this] { return m_store->isConnected(); }, 10'000))
            return QStringLiteral("redis did not connect");
        return {};
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const WhatsAppConfig graph = m_graph.config();
        env.insert(QStringLiteral("M1_WHATSAPP_APP_SECRET"), QString::fromUtf8(appSecret()));
        env.insert(QStringLiteral("M1_WHATSAPP_VERIFY_TOKEN"), verifyToken());
        env.insert(QStringLiteral("M1_WHATSAPP_TOKEN"), accessToken());
        env.insert(QStringLiteral("M1_WHATSAPP_PHONE_NUMBER_ID"), graph.phoneNumberId);
        env.insert(QStringLiteral("M1_GRAPH_API_URL"), graph.graphApiUrl);
        env.insert(QStringLiteral("M1_GRAPH_API_VERSION"), graph.graphApiVersion);
        env.insert(QStringLiteral("M1_WHATSAPP_MESSAGES_PER_SECOND"), QStringLiteral("1000"));
        return env;
    }
    QString storeUrl() const { return QStringLiteral("redis://127.0.0.1:") + QString::number(m_redis.port()) + QStringLiteral("/0"); }
    std::unique_ptr<ServeProcess> serve(const QStringList &extra = {}, const QProcessEnvironment &env = {})
    {
        return std::make_unique<ServeProcess>(
            QStringList { QStringLiteral("--store"), storeUrl(), QStringLiteral("--port"), QStringLiteral("0"),
                          QStringLiteral("--executor"), QStringLiteral("sandbox"), QStringLiteral("--workers"),
                          QStringLiteral("3") }
                + extra,
            env.isEmpty() ? environment() : env);
    }

    RedisReply run(const RedisCommand &command)
    {
        QFuture<RedisReply> f = m_store->command(command);
        (void)QTest::qWaitFor([&f] { return f.isFinished(); }, 10'000);
        return f.isFinished() ? f.result() : RedisReply::transportError(QStringLiteral("timed out"));
    }
    qint64 streamLength() { return run(RedisCommand::of("XLEN", InboundQueue::defaultStream())).integer(); }
    // Entries read by a consumer and not acknowledged yet, -1 when the store did not say.
    qint64 pending()
    {
        const RedisReply r = run(RedisCommand::of("XPENDING", InboundQueue::defaultStream(), InboundQueue::defaultGroup()));
        return r.isError() || r.elements().isEmpty() ? -1 : r.elements().first().integer();
    }
    // The stream's last generated id: it moves with every XADD, so it proves whether anything
    // was appended (handled entries are deleted, the length alone does not).
    QByteArray lastStreamId()
    {
        const RedisReply r = run(RedisCommand::of("XINFO", "STREAM", InboundQueue::defaultStream()));
        const QList<RedisReply> fields = r.elements();
        for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
            if (fields.at(i).bytes() == "last-generated-id")
                return fields.at(i + 1).bytes();
        }
        return {};
    }
    bool settle(int timeoutMs = 60'000)
    {
        return QTest::qWaitFor([this] { return streamLength() == 0; }, timeoutMs);
    }
    // A metric from the process' /metrics (Prometheus text), -1 when absent.
    double metric(ServeProcess &process, const QString &name)
    {
        const HttpProbe::Answer a = m_http.get(process.url(QStringLiteral("/metrics")));
        const QRegularExpression line(QStringLiteral("^") + QRegularExpression::escape(name) + QStringLiteral(" (\\S+)$"),
                                      QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(a.body));
        return m.hasMatch() ? m.captured(1).toDouble() : -1;
    }
    // Replies the Graph API stand-in accepted for `phone`.
    int repliesTo(const QString &phone) const
    {
        int n = 0;
        for (const FakeGraphApiServer::Request &r : m_graph.requests())
            n += r.status == 200 && r.json.value(QStringLiteral("to")).toString() == phone ? 1 : 0;
        return n;
    }
    // A text message from `phone` in Meta's shape, signed with appSecret().
    static WebhookPayloadBuilder::Signed signedText(const QString &phone, const QString &id = {},
                                                   const QString &body = ask())
    {
        WebhookPayloadBuilder payload;
        payload.text(phone, body, id);
        return payload.sign(appSecret());
    }

    RedisTestServer &redis() { return m_redis; }
    RedisStore &store() { return *m_store; }
    FakeGraphApiServer &graph() { return m_graph; }
    const FakeGraphApiServer &graph() const { return m_graph; }
    HttpProbe &http() { return m_http; }

private:
    RedisTestServer m_redis;
    SystemClock m_clock;
    MetricsRegistry m_metrics { m_clock };
    std::unique_ptr<RedisStore> m_store;
    FakeGraphApiServer m_graph;
    HttpProbe m_http;
};

} // namespace m1
