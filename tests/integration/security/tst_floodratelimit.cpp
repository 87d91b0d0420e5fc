// Security: one number flooding the bot. 500 signed messages from one sender arrive as fast as
// the client can post them while 20 other users send 5 each. The flooder is held to the rate
// limit (20 messages a minute by default): 20 turns run, the first message over the limit gets
// one polite notice, and every further one is dropped with a record in m1:dropped (what a real
// product does: no reply to feed a loop or a bill, no silent loss either). Every other user is
// answered, each message exactly once. The others' latency (webhook POST → reply at the Graph
// API) is measured with and without the flood and printed, not asserted (shared, noisy machine).
#include "faultharness.h"
#include "metaload.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

const QString kAsk = u"show the fleet utilization report"_s;
constexpr int kWorkers = 4;
constexpr int kOthers = 20;
constexpr int kEach = 5;
constexpr int kFlood = 500;

struct Latencies
{
    QList<qint64> ms;
    qint64 at(double q) const
    {
        if (ms.isEmpty())
            return -1;
        QList<qint64> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(q * double(sorted.size()))));
    }
    QString toString() const
    {
        return u"n=%1 p50=%2 ms p90=%3 ms max=%4 ms"_s.arg(ms.size()).arg(at(0.5)).arg(at(0.9)).arg(at(1.0));
    }
};

} // namespace

class TestFloodRateLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void othersAloneBaseline();
    void floodIsLimitedOthersAnswered();

private:
    // Queues `kEach` messages for each of `kOthers` new users, interleaved; returns their phones.
    QStringList addOthers(MetaLoad &meta, const QString &tag)
    {
        QStringList phones;
        for (int u = 0; u < kOthers; ++u)
            phones.append(u"38592"_s + QString::number(m_nextPhone++));
        for (int k = 0; k < kEach; ++k) {
            for (int u = 0; u < kOthers; ++u)
                meta.addText(phones.at(u), kAsk, u"wamid.flood."_s + tag + u'.' + QString::number(u) + u'.' + QString::number(k));
        }
        return phones;
    }
    // Latency of each message of `phones`: its k-th reply against its k-th first POST.
    Latencies latencies(const MetaLoad &meta, const QStringList &phones, const QSet<QString> &only = {}) const
    {
        Latencies out;
        for (const QString &phone : phones) {
            if (!only.isEmpty() && !only.contains(phone))
                continue;
            QList<qint64> posted;
            for (const MetaLoad::Delivery &d : meta.deliveries()) {
                if (d.phone == phone)
                    posted.append(d.firstPostMs);
            }
            const QList<qint64> replied = m_replyTimes.value(phone);
            for (qsizetype k = 0; k < std::min(posted.size(), replied.size()); ++k)
                out.ms.append(replied.at(k) - posted.at(k));
        }
        return out;
    }
    int turnsOf(const QString &phone) const
    {
        QMutexLocker lock(&m_mutex);
        return m_turns.value(phone);
    }

    RedisTestServer m_redis;
    std::unique_ptr<FaultHarness> m_h;
    QElapsedTimer m_clock;
    QHash<QString, QList<qint64>> m_replyTimes; // accepted replies per phone, on m_clock
    mutable QMutex m_mutex;
    QHash<QString, int> m_turns; // turns run per phone
    qint64 m_nextPhone = 1'000'000'000;
    Latencies m_baseline;
};

void TestFloodRateLimit::initTestCase()
{
    M1_START_REDIS_TEST_SERVER(m_redis);
    m_h = std::make_unique<FaultHarness>(m_redis);
    FaultSetup setup;
    setup.workers = kWorkers;
    const QString started = m_h->start(setup);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_clock.start();
    QObject::connect(&m_h->graph(), &FakeGraphApiServer::requestReceived, &m_h->graph(), [this](int index) {
        const FakeGraphApiServer::Request &r = m_h->graph().requests().at(index);
        const QString to = r.json.value(u"to"_s).toString();
        if (r.status == 200 && !to.isEmpty())
            m_replyTimes[to].append(m_clock.elapsed());
    });
    m_h->service().pipeline().setTraceHandler([this](const InboundMessage &m, const TurnTrace &) {
        QMutexLocker lock(&m_mutex);
        ++m_turns[m.from];
    });
}

void TestFloodRateLimit::cleanupTestCase()
{
    m_h.reset();
    m_redis.stop();
}

void TestFloodRateLimit::othersAloneBaseline()
{
    MetaLoad others(FaultHarness::appSecret());
    others.setUrl(m_h->webhookUrl());
    others.setClock(&m_clock);
    const QStringList phones = addOthers(others, u"baseline"_s);
    others.start(10);
    QVERIFY(others.waitUntilAccepted(60'000));
    QVERIFY(m_h->settle());
    const auto replies = [&] { return OutcomeLedger::repliesByPhone(m_h->graph()); };
    QVERIFY(spinUntil([&] {
        const auto r = replies();
        return std::all_of(phones.begin(), phones.end(), [&](const QString &p) { return r.value(p) == kEach; });
    }, 60'000));
    m_baseline = latencies(others, phones);
    Latencies webhook;
    for (const MetaLoad::Delivery &d : others.deliveries())
        webhook.ms.append(d.acceptedMs - d.firstPostMs);
    qInfo("webhook POST answered 200 after: %s", qPrintable(webhook.toString()));
    qInfo("others alone (%d users x %d messages, one every 10 ms): %s", kOthers, kEach, qPrintable(m_baseline.toString()));
    QCOMPARE(m_baseline.ms.size(), kOthers * kEach);
}

void TestFloodRateLimit::floodIsLimitedOthersAnswered()
{
    const QString flooder = u"385921111111"_s;
    MetaLoad flood(FaultHarness::appSecret());
    flood.setUrl(m_h->webhookUrl());
    flood.setClock(&m_clock);
    QList<std::pair<QString, QString>> floodMessages;
    for (int i = 0; i < kFlood; ++i) {
        const QString id = u"wamid.flood.flooder."_s + QString::number(i);
        flood.addText(flooder, kAsk, id);
        floodMessages.append({ id, flooder });
    }
    MetaLoad others(FaultHarness::appSecret());
    others.setUrl(m_h->webhookUrl());
    others.setClock(&m_clock);
    const QStringList phones = addOthers(others, u"during"_s);
    const quint64 limitedBefore = m_h->counter(u"m1_pipeline_rate_limited_total"_s);
    const quint64 droppedBefore = m_h->counter(u"pipeline.unanswered.rate_limited"_s);

    flood.start(0); // all at once: the client posts as fast as its connections allow
    others.start(10);
    QVERIFY(flood.waitUntilAccepted(120'000));
    QVERIFY(others.waitUntilAccepted(120'000));
    QVERIFY(m_h->settle(120'000));
    QVERIFY(spinUntil([&] {
        const auto r = OutcomeLedger::repliesByPhone(m_h->graph());
        return std::all_of(phones.begin(), phones.end(), [&](const QString &p) { return r.value(p) >= kEach; });
    }, 60'000));
    QTest::qWait(500);

    // The flooder: 20 turns, the notice, and a drop record for each of the rest.
    const int floodReplies = OutcomeLedger::repliesByPhone(m_h->graph()).value(flooder);
    const QHash<QString, int> dropped = OutcomeLedger::countByMessage(m_h->records("m1:dropped"));
    int floodDropped = 0;
    for (const auto &[id, phone] : std::as_const(floodMessages))
        floodDropped += dropped.value(id);
    const int floodTurns = turnsOf(flooder);
    const quint64 limited = m_h->counter(u"m1_pipeline_rate_limited_total"_s) - limitedBefore;
    qInfo("flood of %d from one number: %d turns run, %d replies (turns + notices), %d drops recorded, %llu "
          "messages over the limit",
          kFlood, floodTurns, floodReplies, floodDropped, limited);
    // 20 a minute; a flood that straddles a window boundary may get one or two more through as
    // the sliding window's previous minute loses weight.
    QVERIFY2(floodTurns >= 20 && floodTurns <= 22, qPrintable(QString::number(floodTurns)));
    QCOMPARE(int(limited), kFlood - floodTurns);
    const int notices = floodReplies - floodTurns;
    QVERIFY2(notices >= 1 && notices <= 3, qPrintable(QString::number(notices))); // one per window
    QCOMPARE(floodReplies + floodDropped, kFlood); // each message: one reply or one record
    QCOMPARE(m_h->counter(u"pipeline.unanswered.rate_limited"_s) - droppedBefore, quint64(floodDropped));
    QCOMPARE(m_h->records("m1:failed").size(), 0);
    for (const QJsonObject &r : m_h->records("m1:dropped")) {
        QCOMPARE(r.value(u"reason"_s).toString(), u"rate_limited"_s);
        QCOMPARE(r.value(u"from"_s).toString(), flooder);
    }

    // The others: every message answered, once.
    const auto replies = OutcomeLedger::repliesByPhone(m_h->graph());
    for (const QString &p : phones)
        QCOMPARE(replies.value(p), kEach);
    for (const QString &p : phones)
        QCOMPARE(turnsOf(p), kEach);

    // How long they waited, with the flood going on (printed for the note; not asserted).
    const Latencies during = latencies(others, phones);
    qInfo("others during the flood (%d users x %d messages): %s (alone: %s)", kOthers, kEach,
          qPrintable(during.toString()), qPrintable(m_baseline.toString()));
    QCOMPARE(during.ms.size(), kOthers * kEach);
    QVERIFY(m_h->logLines(QRegularExpression(u"rate limit reached for …111"_s)) >= 1);
    QCOMPARE(m_h->logLines(QRegularExpression(u"385921111111"_s)), 0);
}

QTEST_GUILESS_MAIN(TestFloodRateLimit)
#include "tst_floodratelimit.moc"
