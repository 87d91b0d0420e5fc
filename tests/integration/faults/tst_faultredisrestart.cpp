// Fault injection: Redis killed (SIGKILL) and started again while `m1bot serve` (a real child
// process) takes a steady stream of signed webhook POSTs. The redis-server runs with append-only
// persistence as the managed one does, so what it acknowledged survives the kill. While it is
// down the webhook must answer 503 (so Meta delivers again) — this test plays Meta and delivers
// again — and nothing may hang or crash; after the restart every message must be answered
// exactly once: none lost (a 200 means stored), none twice (redeliveries, reclaimed entries and
// turns whose save met the outage included). /metrics and the log must show the outage.
#include "metaload.h"
#include "outcomeledger.h"
#include "servefixture.h"

#include <QRegularExpression>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestFaultRedisRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void redisKilledAndRestartedUnderLoad_data();
    void redisKilledAndRestartedUnderLoad();

private:
    OutcomeTally tally(const QList<std::pair<QString, QString>> &messages)
    {
        const auto records = [this](const char *stream) {
            return OutcomeLedger::countByMessage(OutcomeLedger::records(m_f.run(RedisCommand::of("XRANGE", stream, "-", "+"))));
        };
        return OutcomeLedger::tally(messages, OutcomeLedger::repliesByPhone(m_f.graph()), records("m1:failed"),
                                    records("m1:dropped"));
    }

    ServeFixture m_f;
    qint64 m_nextPhone = 1'000'000'000;
};

void TestFaultRedisRestart::initTestCase()
{
    m_f.redis().setAppendOnly(u"everysec"_s); // as the managed redis-server is configured
    M1_START_SERVE_FIXTURE(m_f);
}

void TestFaultRedisRestart::cleanupTestCase() {}

void TestFaultRedisRestart::redisKilledAndRestartedUnderLoad_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("graphLatencyMs");
    QTest::addColumn<QString>("busyWith");
    // 100 ms a tool call: 40 turns a second for 50 arriving, so when Redis dies most lanes are
    // between loading a turn and sending its reply, and entries wait in the lanes.
    QTest::newRow("turns in flight") << QStringList { u"--test-executor-delay-ms"_s, u"100"_s } << 0
                                     << u"loading and running turns"_s;
    // 150 ms a reply: when Redis dies the lanes are sending, and their saves meet the outage.
    QTest::newRow("replies in flight") << QStringList {} << 150 << u"sending replies"_s;
}

void TestFaultRedisRestart::redisKilledAndRestartedUnderLoad()
{
    QFETCH(QStringList, extra);
    QFETCH(int, graphLatencyMs);
    QFETCH(QString, busyWith);
    m_f.graph().clear();
    m_f.graph().setLatencyMs(graphLatencyMs);
    ServeProcess serve(QStringList { u"--store"_s, m_f.storeUrl(),
                                     u"--port"_s, u"0"_s, u"--executor"_s, u"sandbox"_s, u"--workers"_s, u"4"_s,
                                     u"--claim-idle-ms"_s, u"1500"_s }
                           + extra,
                       m_f.environment());
    const QString started = serve.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));

    constexpr int kMessages = 300;
    MetaLoad meta(ServeFixture::appSecret());
    meta.setUrl(serve.webhookUrl());
    QList<std::pair<QString, QString>> messages;
    for (int i = 0; i < kMessages; ++i) {
        const QString phone = u"38597"_s + QString::number(m_nextPhone++);
        const QString id = u"wamid.restart."_s + QString::number(m_nextPhone);
        meta.addText(phone, ServeFixture::ask(), id);
        messages.append({ id, phone });
    }
    meta.start(20); // 50 messages a second, 6 s in all

    // A third of the way in, Redis dies; it is back 2.5 s later, on the same port, with its AOF.
    QVERIFY(QTest::qWaitFor([&] { return meta.acceptedCount() >= kMessages / 3; }, 60'000));
    m_f.redis().kill();
    const qsizetype acceptedAtKill = meta.acceptedCount();
    QTest::qWait(2'500);
    const qsizetype acceptedDuringOutage = meta.acceptedCount() - acceptedAtKill;
    const int refusedDuringOutage = meta.answers(503) + meta.answers(0);
    QString error;
    QVERIFY2(m_f.redis().start(&error), qPrintable(error));

    QVERIFY2(meta.waitUntilAccepted(120'000), qPrintable(serve.stderrText().right(3000)));
    QVERIFY(QTest::qWaitFor([this] { return m_f.store().isConnected(); }, 20'000));
    QVERIFY2(QTest::qWaitFor([&] { return m_f.streamLength() == 0 && tally(messages).lost == 0; }, 120'000),
             qPrintable(tally(messages).toString() + u"\n"_s + serve.stderrText().right(3000)));
    QTest::qWait(3'000); // several claim rounds: a late second answer would show here
    const OutcomeTally t = tally(messages);
    const QMap<int, int> answers = meta.statuses();
    const double unavailable = m_f.metric(serve, u"m1_channel_webhook_unavailable_total"_s);
    const double reconnects = m_f.metric(serve, u"m1_store_reconnects_total"_s);
    const double transportErrors = m_f.metric(serve, u"m1_store_transport_errors_total"_s);
    const double processed = m_f.metric(serve, u"m1_pipeline_messages_total"_s);
    const double duplicates = m_f.metric(serve, u"m1_pipeline_duplicates_total"_s);
    const double claimed = m_f.metric(serve, u"m1_pipeline_claimed_total"_s);
    const QString log = serve.stderrText();
    const qsizetype saveRetries = log.count(u"retrying its save"_s);
    const qsizetype savedLate = log.count(u"save went through after"_s);
    const qsizetype loadsFailed = log.count(u"could not load the turn"_s);
    qInfo("Redis SIGKILLed while %s, after %lld of %d messages were accepted, restarted 2.5 s later: %s; "
          "webhook answers 200=%d 503=%d none=%d (%lld accepted during the outage, %d refused then); serve: %g "
          "turns, %g duplicates dropped, %g entries reclaimed, %lld loads failed and were retried, %lld answered "
          "turns waited for the store to save (%lld saved late), %g store transport errors, %g reconnects",
          qPrintable(busyWith), qlonglong(acceptedAtKill), kMessages, qPrintable(t.toString()), answers.value(200),
          answers.value(503), answers.value(0), qlonglong(acceptedDuringOutage), refusedDuringOutage, processed,
          duplicates, claimed, qlonglong(loadsFailed), qlonglong(saveRetries), qlonglong(savedLate),
          transportErrors, reconnects);

    QCOMPARE(t.total(), kMessages);
    QVERIFY2(t.lost == 0 && t.twice == 0, qPrintable(t.toString()));
    QCOMPARE(t.answered, kMessages);
    QCOMPARE(m_f.pending(), 0);
    // The outage was seen and said: 503s (Meta delivers again), store errors, a reconnect.
    QVERIFY(answers.value(503) > 0);
    QCOMPARE(unavailable, double(answers.value(503)));
    QVERIFY(transportErrors > 0);
    QVERIFY(reconnects >= 1);
    QVERIFY(log.contains(u"webhook POST answered 503 so Meta retries"_s));
    QVERIFY(log.contains(u"not reachable"_s) || log.contains(u"Connection refused"_s));
    if (graphLatencyMs > 0) // the lanes were sending: their saves waited for the store
        QCOMPARE(savedLate, saveRetries);
    // The process is still healthy and stops cleanly.
    QCOMPARE(m_f.http().get(serve.url(u"/health"_s)).status, 200);
    QCOMPARE(serve.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestFaultRedisRestart)
#include "tst_faultredisrestart.moc"
