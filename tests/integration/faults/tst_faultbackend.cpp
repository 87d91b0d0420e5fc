// Fault injection: the backend API (the tools' HTTP endpoints, through the real HttpToolExecutor)
// answering 5xx, timing out (accepting and never answering) or crawling, while a steady stream of
// signed webhook POSTs comes in. Every message must get exactly one reply — the result, or words
// telling the user the fleet service has a problem (never an internal detail) — no crash, and
// the metrics and the log must show the failures, retries and the circuit breaker opening.
#include "agent/httptoolexecutor.h"
#include "channel/httpserver.h"
#include "faultharness.h"
#include "metaload.h"

#include <QTest>
#include <QTimer>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

const QString kAsk = u"show the fleet utilization report"_s;

// The backend behind the demo spec's tools, failing on request.
class FakeBackend
{
public:
    enum class Mode { Ok, Fail5xx, Hang, Crawl };

    FakeBackend()
    {
        m_http.setHandler([this](const HttpRequest &request, HttpResponder responder) {
            ++m_requests;
            switch (m_mode) {
            case Mode::Ok:
                responder.respond(report(request));
                return;
            case Mode::Fail5xx: {
                static const int statuses[] = { 500, 502, 503 };
                const int status = statuses[m_requests % 3];
                responder.respond(HttpResponse::json(
                    status, R"({"type":"about:blank","title":"Service Unavailable","status":503,"detail":"database connection pool exhausted"})"_ba));
                return;
            }
            case Mode::Hang:
                m_held.append(responder); // accepted, read, never answered
                return;
            case Mode::Crawl:
                QTimer::singleShot(m_crawlMs, &m_context, [responder, r = report(request)] { responder.respond(r); });
                return;
            }
        });
    }

    bool listen(QString *error) { return m_http.listen(QHostAddress::LocalHost, 0, error); }
    QString baseUrl() const { return u"http://127.0.0.1:"_s + QString::number(m_http.serverPort()); }
    void setMode(Mode mode) { m_mode = mode; }
    void setCrawlMs(int ms) { m_crawlMs = ms; }
    int requests() const { return m_requests; }
    void reset()
    {
        m_requests = 0;
        m_held.clear();
    }

private:
    static HttpResponse report(const HttpRequest &)
    {
        return HttpResponse::json(
            200, R"({"from":"2025-05-01","to":"2025-05-31","poolUtilizationPercent":62.5,"rows":[{"vehicleId":"veh_1","plate":"ZG-1234-AB","bookedDays":19,"idleDays":12}]})"_ba);
    }

    HttpServer m_http;
    Mode m_mode = Mode::Ok;
    int m_crawlMs = 200;
    int m_requests = 0;
    QList<HttpResponder> m_held;
    QObject m_context;
};

bool isProblemReply(const QString &text)
{
    return text.startsWith(u"The fleet service"_s) || text.startsWith(u"I could not"_s);
}

} // namespace

class TestFaultBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void failing5xxUnderLoadThenRecovery();
    void timingOutUnderLoad();
    void crawlingUnderLoad();

private:
    // The runtime with the HTTP executor against the fake backend.
    void startWith(int timeoutMs, qint64 breakerOpenMs)
    {
        HttpExecutorOptions options;
        options.baseUrlOverride = m_backend.baseUrl();
        options.timeoutMs = timeoutMs;
        options.retry = RetryOptions { 3, 20, 100, 1'000 };
        options.breaker = CircuitBreakerOptions { 5, breakerOpenMs, 1 };
        m_h = std::make_unique<FaultHarness>(m_redis);
        m_executor = std::make_unique<HttpToolExecutor>(m_h->network(), m_h->clock(), AuthConfig {}, options,
                                                        &m_h->metrics());
        FaultSetup setup;
        setup.executor = m_executor.get();
        const QString started = m_h->start(setup);
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }
    QList<std::pair<QString, QString>> deliver(const QString &tag, int count, int intervalMs)
    {
        return m_h->deliver(m_senders, tag, count, intervalMs);
    }
    // The text of each accepted reply to these messages' phones.
    QStringList replyTexts(const QList<std::pair<QString, QString>> &messages) const
    {
        QSet<QString> phones;
        for (const auto &m : messages)
            phones.insert(m.second);
        QStringList out;
        for (const FakeGraphApiServer::Request &r : m_h->graph().requests()) {
            if (r.status == 200 && phones.contains(r.json.value(u"to"_s).toString()))
                out.append(r.json.value(u"text"_s).toObject().value(u"body"_s).toString());
        }
        return out;
    }

    RedisTestServer m_redis;
    FakeBackend m_backend;
    std::unique_ptr<FaultHarness> m_h;
    std::unique_ptr<HttpToolExecutor> m_executor;
    FaultSenders m_senders { u"38598"_s, u"wamid.backend."_s, kAsk };
};

void TestFaultBackend::initTestCase()
{
    M1_START_REDIS_TEST_SERVER(m_redis);
    QString error;
    QVERIFY2(m_backend.listen(&error), qPrintable(error));
}

void TestFaultBackend::init()
{
    m_backend.reset();
    m_backend.setMode(FakeBackend::Mode::Ok);
}

void TestFaultBackend::cleanup()
{
    m_h.reset(); // the service first: its lanes may wait on the executor
    m_executor.reset();
}

void TestFaultBackend::cleanupTestCase()
{
    m_redis.stop();
}

void TestFaultBackend::failing5xxUnderLoadThenRecovery()
{
    startWith(2'000, 1'500);
    m_backend.setMode(FakeBackend::Mode::Fail5xx);
    constexpr int kMessages = 120;
    const auto failing = deliver(u"5xx"_s, kMessages, 15);
    const OutcomeTally t = m_h->tally(failing);
    const QStringList texts = replyTexts(failing);
    const int refused = int(m_h->counter(u"agent.tool.breaker_refused"_s));
    const int opened = int(m_h->counter(u"agent.tool.breaker_opened"_s));
    qInfo("backend 500/502/503 under %d messages: %s; %d backend requests, %llu retries, breaker opened %d times, "
          "%d calls refused by it",
          kMessages, qPrintable(t.toString()), m_backend.requests(), m_h->counter(u"agent.tool.retries"_s), opened,
          refused);
    QVERIFY2(t.answered == kMessages, qPrintable(t.toString()));
    QCOMPARE(texts.size(), kMessages);
    for (const QString &text : texts) {
        QVERIFY2(isProblemReply(text), qPrintable(text));
        // The user hears that the service has a problem, never a host, a tool id or a stack.
        QVERIFY2(!text.contains(u"127.0.0.1"_s) && !text.contains(u"getFleetUtilizationReport"_s), qPrintable(text));
    }
    QCOMPARE(m_h->counter(u"m1_pipeline_tool_failures_total"_s), quint64(kMessages));
    QCOMPARE(m_h->counter(u"agent.tool.failed"_s), quint64(kMessages));
    QVERIFY(opened >= 1);
    QVERIFY(refused >= 1);
    QVERIFY(m_h->counter(u"agent.tool.retries"_s) >= 1);
    QVERIFY(m_h->logLines(QRegularExpression(u"circuit breaker open"_s)) >= 1);
    QVERIFY(m_h->logLines(QRegularExpression(u"tool call for …\\d{3} failed"_s)) >= 1);
    QVERIFY(m_h->prometheus().contains(u"m1_agent_tool_breaker_opened_total"_s));

    // The backend comes back: once the breaker's open time is over, one trial call goes through
    // (concurrent ones are still refused while it runs) and closes it; answers are real again.
    m_backend.setMode(FakeBackend::Mode::Ok);
    QTest::qWait(1'600);
    const auto trial = deliver(u"trial"_s, 1, 0);
    QCOMPARE(m_h->tally(trial).answered, 1);
    QVERIFY2(!isProblemReply(replyTexts(trial).value(0)), qPrintable(replyTexts(trial).value(0)));
    const auto recovered = deliver(u"recovered"_s, 20, 20);
    const OutcomeTally r = m_h->tally(recovered);
    QVERIFY2(r.answered == 20, qPrintable(r.toString()));
    const QStringList after = replyTexts(recovered);
    QCOMPARE(after.size(), 20);
    for (const QString &text : after)
        QVERIFY2(!isProblemReply(text), qPrintable(text));
}

void TestFaultBackend::timingOutUnderLoad()
{
    // Accepts and never answers: every attempt waits its 300 ms, then the breaker stops trying.
    startWith(300, 60'000);
    m_backend.setMode(FakeBackend::Mode::Hang);
    constexpr int kMessages = 60;
    const auto messages = deliver(u"hang"_s, kMessages, 20);
    const OutcomeTally t = m_h->tally(messages);
    const QStringList texts = replyTexts(messages);
    qInfo("backend hanging under %d messages: %s; %d backend requests (each timed out), breaker opened %llu, "
          "refused %llu",
          kMessages, qPrintable(t.toString()), m_backend.requests(), m_h->counter(u"agent.tool.breaker_opened"_s),
          m_h->counter(u"agent.tool.breaker_refused"_s));
    QVERIFY2(t.answered == kMessages, qPrintable(t.toString()));
    for (const QString &text : texts)
        QVERIFY2(text.startsWith(u"The fleet service cannot be reached right now"_s), qPrintable(text));
    QCOMPARE(m_h->counter(u"agent.tool.failed"_s), quint64(kMessages));
    QCOMPARE(m_h->counter(u"agent.tool.breaker_opened"_s), 1u);
    // Once open, nothing more was sent: a handful of requests, not three per message.
    QVERIFY2(m_backend.requests() < kMessages, qPrintable(QString::number(m_backend.requests())));
    // Said once when the breaker opened, and for the failed turns (sparingly: 1st, 2nd, 4th, ...).
    QCOMPARE(m_h->logLines(QRegularExpression(u"failed \\d+ times in a row; not calling it for 60 s"_s)), 1);
    const int failureLines = m_h->logLines(QRegularExpression(u"tool call for …\\d{3} failed"_s));
    // 60 failed turns: the 1st, 2nd, 4th, ..., 32nd are logged (give or take one when two lanes
    // count at once), not 60 lines.
    QVERIFY2(failureLines >= 3 && failureLines <= 12, qPrintable(QString::number(failureLines)));
}

void TestFaultBackend::crawlingUnderLoad()
{
    // Slow (250 ms an answer) but within the timeout: every message gets its real answer.
    startWith(5'000, 1'500);
    m_backend.setMode(FakeBackend::Mode::Crawl);
    m_backend.setCrawlMs(250);
    constexpr int kMessages = 60;
    const auto messages = deliver(u"crawl"_s, kMessages, 20);
    const OutcomeTally t = m_h->tally(messages);
    qInfo("backend crawling (250 ms an answer) under %d messages: %s; %d backend requests", kMessages,
          qPrintable(t.toString()), m_backend.requests());
    QVERIFY2(t.answered == kMessages, qPrintable(t.toString()));
    for (const QString &text : replyTexts(messages))
        QVERIFY2(!isProblemReply(text), qPrintable(text));
    QCOMPARE(m_backend.requests(), kMessages);
    QCOMPARE(m_h->counter(u"agent.tool.failed"_s), 0u);
    QCOMPARE(m_h->counter(u"agent.tool.breaker_opened"_s), 0u);
}

QTEST_GUILESS_MAIN(TestFaultBackend)
#include "tst_faultbackend.moc"
