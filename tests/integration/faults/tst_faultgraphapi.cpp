// Fault injection: the Graph API answering 429, 5xx and its own rate-limit and permanent error
// codes (130429, 131056, 131000, 131047, 190, with Retry-After) while a steady stream of signed
// webhook POSTs comes in. Every message must end in exactly one accepted reply or one record in
// m1:failed (no crash, none lost, none twice), and the metrics and the log must say what
// happened: each failed attempt is either retried or the last attempt of a recorded failure.
#include "faultharness.h"
#include "metaload.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

const QString kAsk = u"show the fleet utilization report"_s;

} // namespace

class TestFaultGraphApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void oneTurnIsOneReply();
    void transientErrorsUnderLoadAreRetried();
    void persistent5xxEndsInOneRecordedFailure();
    void permanentErrorsAreRecordedNotRetried();

private:
    QList<std::pair<QString, QString>> deliver(const QString &tag, int count, int intervalMs)
    {
        return m_h->deliver(m_senders, tag, count, intervalMs);
    }
    quint64 counter(const QString &name) { return m_h->counter(name); }

    RedisTestServer m_redis;
    std::unique_ptr<FaultHarness> m_h;
    FaultSenders m_senders { u"38597"_s, u"wamid.graph."_s, kAsk };
};

void TestFaultGraphApi::initTestCase()
{
    M1_START_REDIS_TEST_SERVER(m_redis);
    m_h = std::make_unique<FaultHarness>(m_redis);
    FaultHarness::Setup setup;
    setup.workers = 4;
    setup.adjust = [](BotServiceOptions &o) {
        // Five attempts with short waits: the test is about counts, not patience. Meta's own
        // Retry-After (1 s here) still wins over the computed backoff.
        o.sender.retry = RetryOptions { 5, 40, 400, 5'000 };
    };
    const QString started = m_h->start(setup);
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestFaultGraphApi::init()
{
    m_h->graph().clear();
}

void TestFaultGraphApi::cleanupTestCase()
{
    m_h.reset();
    m_redis.stop();
}

void TestFaultGraphApi::oneTurnIsOneReply()
{
    // The accounting below counts replies per phone: the question used must get one reply.
    const auto messages = deliver(u"control"_s, 3, 0);
    const OutcomeTally t = m_h->tally(messages);
    QVERIFY2(t.answered == 3, qPrintable(t.toString()));
}

void TestFaultGraphApi::transientErrorsUnderLoadAreRetried()
{
    // 60 of the next requests fail, in Meta's documented shapes, interleaved with the load.
    const QList<FakeGraphApiServer::Scripted> kinds {
        { 400, 130429, {}, "1"_ba }, // throughput limit, with Retry-After
        { 400, 131056, {}, {} }, // pair rate limit
        { 503, 0, {}, {} }, // a bare 503 from a proxy in front
        { 500, 131000, {}, {} }, // "Something went wrong"
        { 429, 4, {}, "1"_ba }, // application request limit
    };
    constexpr int kFailures = 60;
    for (int i = 0; i < kFailures; ++i)
        m_h->graph().script(1, kinds.at(i % kinds.size()));
    const quint64 retriesBefore = counter(u"channel.send.retries"_s);
    const quint64 sendFailedBefore = counter(u"channel.send.failed"_s);
    const quint64 recordedBefore = counter(u"pipeline.unanswered.send_failed"_s);
    const int logBefore = m_h->logLines(QRegularExpression(u"left unanswered \\(send_failed\\)"_s));

    constexpr int kMessages = 200;
    const auto messages = deliver(u"transient"_s, kMessages, 10);
    const OutcomeTally t = m_h->tally(messages);
    const QMap<int, int> statuses = OutcomeLedger::graphStatuses(m_h->graph());
    const quint64 retries = counter(u"channel.send.retries"_s) - retriesBefore;
    const quint64 exhausted = counter(u"channel.send.failed"_s) - sendFailedBefore;
    const quint64 recorded = counter(u"pipeline.unanswered.send_failed"_s) - recordedBefore;
    qInfo("Graph API 429/5xx/130429/131056 x%d under %d messages: %s; Graph answers 200=%d 400=%d "
          "429=%d 500=%d 503=%d; %llu retries, %llu sends exhausted",
          kFailures, kMessages, qPrintable(t.toString()), statuses.value(200), statuses.value(400),
          statuses.value(429), statuses.value(500), statuses.value(503), retries, exhausted);

    QCOMPARE(m_h->graph().scriptedRemaining(), 0);
    QCOMPARE(t.total(), kMessages);
    QVERIFY2(t.lost == 0 && t.twice == 0 && t.dropped == 0, qPrintable(t.toString()));
    QCOMPARE(t.answered + t.failed, kMessages);
    // Every scripted failure was one attempt: retried, or the last of a send that gave up.
    QCOMPARE(statuses.value(400) + statuses.value(429) + statuses.value(500) + statuses.value(503), kFailures);
    QCOMPARE(retries + exhausted, quint64(kFailures));
    QCOMPARE(quint64(t.failed), exhausted);
    QCOMPARE(recorded, exhausted);
    QVERIFY(retries > 0);
    // The log says so, once per failed message.
    QCOMPARE(m_h->logLines(QRegularExpression(u"left unanswered \\(send_failed\\)"_s)) - logBefore, t.failed);
}

void TestFaultGraphApi::persistent5xxEndsInOneRecordedFailure()
{
    // One message at a time, so the five 503s are certainly the five attempts of its reply.
    m_h->graph().failNext(5, 503);
    const quint64 recordedBefore = counter(u"pipeline.unanswered.send_failed"_s);
    const auto messages = deliver(u"persistent"_s, 1, 0);
    const OutcomeTally t = m_h->tally(messages);
    QVERIFY2(t.failed == 1, qPrintable(t.toString()));
    QCOMPARE(counter(u"pipeline.unanswered.send_failed"_s), recordedBefore + 1);
    QCOMPARE(m_h->graph().requestCount(), 5);

    QJsonObject record;
    for (const QJsonObject &r : m_h->records("m1:failed")) {
        if (r.value(u"message_id"_s).toString() == messages.first().first)
            record = r;
    }
    QCOMPARE(record.value(u"reason"_s).toString(), u"send_failed"_s);
    QCOMPARE(record.value(u"from"_s).toString(), messages.first().second);
    QVERIFY2(record.value(u"detail"_s).toString().contains(u"503"_s), qPrintable(record.value(u"detail"_s).toString()));
    QVERIFY(!record.value(u"entry"_s).toString().isEmpty());
    QVERIFY(m_h->logLines(QRegularExpression(u"sending text failed after 5 attempt\\(s\\): Graph API answered HTTP 503"_s)) >= 1);
}

void TestFaultGraphApi::permanentErrorsAreRecordedNotRetried()
{
    // Outside the 24-hour window (131047) and a revoked token (190): retrying cannot help.
    m_h->graph().script(6, { 400, 131047, {}, {} });
    m_h->graph().script(4, { 401, 190, {}, {} });
    const quint64 retriesBefore = counter(u"channel.send.retries"_s);
    constexpr int kMessages = 40;
    const auto messages = deliver(u"permanent"_s, kMessages, 5);
    const OutcomeTally t = m_h->tally(messages);
    qInfo("Graph API 131047 x6 and 190 x4 under %d messages: %s", kMessages, qPrintable(t.toString()));
    QVERIFY2(t.lost == 0 && t.twice == 0, qPrintable(t.toString()));
    QCOMPARE(t.failed, 10);
    QCOMPARE(t.answered, kMessages - 10);
    QCOMPARE(counter(u"channel.send.retries"_s), retriesBefore);
    QCOMPARE(m_h->graph().requestCount(), kMessages);

    QHash<int, int> codes;
    for (const QJsonObject &r : m_h->records("m1:failed")) {
        const QString detail = r.value(u"detail"_s).toString();
        if (!r.value(u"message_id"_s).toString().startsWith(u"wamid.graph.permanent."_s))
            continue;
        codes[detail.contains(u"131047"_s) ? 131047 : detail.contains(u"190"_s) ? 190 : 0]++;
    }
    QCOMPARE(codes.value(131047), 6);
    QCOMPARE(codes.value(190), 4);
    QCOMPARE(codes.value(0), 0);
}

QTEST_GUILESS_MAIN(TestFaultGraphApi)
#include "tst_faultgraphapi.moc"
