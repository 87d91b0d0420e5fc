// Each reply goes out at most once, even when the worker that sent it died before acknowledging
// its message: ReplyReservations on its own, then the crash replayed against the worker pool on
// the memory store and a real redis-server. A "dead" consumer reads the entry and gets as far as
// the crash point (turn loaded; reply reserved, i.e. sent, or not); the pool reclaims the entry
// once it has been idle long enough and must answer exactly when nobody had.
#include "conversation/conversationkeys.h"
#include "conversation/turnloader.h"
#include "pipeline/replyreservations.h"
#include "pipeline/unansweredlogoptions.h"
#include "pipelineharness.h"
#include "storesuite.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kClaimIdleMs = 200;
const QString kPhone = u"385917770001"_s;

} // namespace

class TestReplyReservations : public StoreSuite
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        StoreSuite::init();
        if (!m_fx)
            return;
        m_h = std::make_unique<PipelineHarness>(m_fx->store(), m_fx->clock(), m_fx->metrics(), 2,
                                                [](BotPipelineOptions &o) {
                                                    o.workers.claimIdleMs = kClaimIdleMs;
                                                    o.workers.claimEveryMs = 50;
                                                });
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
    }
    void cleanup()
    {
        m_h.reset();
        StoreSuite::cleanup();
    }

    void reservesOncePerReply();
    void acknowledgedMessageKeepsItsReservationsBriefly();
    void replySentBeforeTheCrashIsNotSentAgain();
    void crashBeforeSendingIsAnsweredOnce();

private:
    InboundMessage text(const QString &id)
    {
        InboundMessage m;
        m.messageId = id;
        m.from = kPhone;
        m.type = InboundMessage::Type::Text;
        m.waType = u"text"_s;
        m.text = u"show the fleet utilization report"_s;
        return m;
    }
    // Queues `m` and lets a consumer that will "die" read it: the entry is pending for it.
    QueuedMessage readByDeadWorker(const InboundMessage &m)
    {
        if (const QString e = m_h->queue().ensureGroup(); !e.isEmpty())
            qWarning() << e;
        const EnqueueResult queued = StoreFixture::await(m_h->queue().push(m));
        if (!queued.ok)
            qWarning() << queued.error;
        QString error;
        const QList<QueuedMessage> read = m_h->queue().read("dead-worker", 10, &error);
        if (!error.isEmpty() || read.size() != 1)
            qWarning() << "the dead worker read" << read.size() << "entries" << error;
        return read.value(0);
    }
    // The dead worker's turn load: the dedup gate now holds its delivery.
    void loadLikeTheDeadWorker(const InboundMessage &m, const QByteArray &entryId)
    {
        const TurnLoad load
                = StoreFixture::await(m_h->loader().load({ m.from, m.messageId, m_fx->nowMs() }, entryId));
        QCOMPARE(load.outcome, TurnLoad::Outcome::Proceed);
    }
    // Lets the dead worker's entry go idle past the claim timeout, then starts the pool.
    void startPoolAfterClaimTimeout()
    {
        if (m_fx->isRedis())
            QTest::qWait(int(kClaimIdleMs) + 100);
        else
            m_fx->advance(kClaimIdleMs + 100);
        QCOMPARE(m_h->pool().start(), QString());
    }
    bool drained()
    {
        return QTest::qWaitFor([this] { return m_h->queue().pendingCount() == 0 && m_h->queue().length() == 0; },
                               20'000);
    }
    // message id → reason of every record in the failed stream.
    QHash<QString, QString> failedRecords()
    {
        QHash<QString, QString> out;
        const RedisReply r = m_fx->run(RedisCommand::of("XRANGE", UnansweredLogOptions().failedStream, "-", "+"));
        for (const RedisReply &entry : r.elements()) {
            const RedisReply fields = entry.elements().value(1);
            const QJsonObject o = QJsonDocument::fromJson(fields.elements().value(1).bytes()).object();
            out.insert(o.value(u"message_id"_s).toString(), o.value(u"reason"_s).toString());
        }
        return out;
    }
    double counter(const QString &name) { return double(m_fx->metrics().counter(name).value()); }

    std::unique_ptr<PipelineHarness> m_h;
};

void TestReplyReservations::reservesOncePerReply()
{
    ReplyReservations reservations(m_fx->store(), 60'000, m_fx->metrics());
    QCOMPARE(reservations.reserve(kPhone, u"wamid.r1"_s, 0, "1-0"), ReplyReservations::Verdict::Reserved);
    // Another delivery of the same message (a reclaim, a second process) may not send it again...
    QCOMPARE(reservations.reserve(kPhone, u"wamid.r1"_s, 0, "2-0"), ReplyReservations::Verdict::Taken);
    QCOMPARE(reservations.skipped(), quint64(1));
    // ...but the turn's next reply, another message and another user are separate.
    QCOMPARE(reservations.reserve(kPhone, u"wamid.r1"_s, 1, "1-0"), ReplyReservations::Verdict::Reserved);
    QCOMPARE(reservations.reserve(kPhone, u"wamid.r2"_s, 0, "1-0"), ReplyReservations::Verdict::Reserved);
    QCOMPARE(reservations.reserve(u"385917770002"_s, u"wamid.r1"_s, 0, "1-0"), ReplyReservations::Verdict::Reserved);
    // The value says which delivery holds it; the key carries the user's hash tag.
    const QByteArray key = ConversationKeys::reply(kPhone, u"wamid.r1"_s, 0);
    QVERIFY(key.contains("{385917770001}"));
    QCOMPARE(m_fx->run(RedisCommand::of("GET", key)).bytes(), QByteArray("1-0"));
    // A message without an id cannot be told from another: nothing is reserved or refused.
    QCOMPARE(reservations.reserve(kPhone, QString(), 0, "1-0"), ReplyReservations::Verdict::Reserved);
    QCOMPARE(reservations.reserve(kPhone, QString(), 0, "1-0"), ReplyReservations::Verdict::Reserved);
    QVERIFY(reservations.settleCommands(kPhone, QString(), 1).isEmpty());
}

void TestReplyReservations::acknowledgedMessageKeepsItsReservationsBriefly()
{
    QCOMPARE(m_h->pool().start(), QString());
    QVERIFY(StoreFixture::await(m_h->queue().push(text(u"wamid.normal"_s))).ok);
    QVERIFY(drained());
    QTRY_COMPARE(m_h->sink().count(), qsizetype(1));
    // Reserved while pending (for the dedup window), then shortened with the XACK: long enough
    // for a worker that stalled on the same entry, not a day of keys per reply.
    const qint64 ttl = m_fx->run(RedisCommand::of("PTTL", ConversationKeys::reply(kPhone, u"wamid.normal"_s, 0))).integer();
    QVERIFY2(ttl > 0 && ttl <= ReplyReservations::settleMs, qPrintable(QString::number(ttl)));
    QCOMPARE(counter(u"m1_pipeline_replies_skipped_total"_s), 0.0);
    QVERIFY(failedRecords().isEmpty());
}

void TestReplyReservations::replySentBeforeTheCrashIsNotSentAgain()
{
    const InboundMessage m = text(u"wamid.crash.after-send"_s);
    const QueuedMessage entry = readByDeadWorker(m);
    QVERIFY(!entry.entryId.isEmpty());
    loadLikeTheDeadWorker(m, entry.entryId);
    // The dead worker reserved its reply, and then sent it (that part happened outside: the
    // Graph API has it) before it was killed, with no XACK.
    ReplyReservations deadWorkers(m_fx->store(), 60'000, m_fx->metrics());
    QCOMPARE(deadWorkers.reserve(m.from, m.messageId, 0, entry.entryId), ReplyReservations::Verdict::Reserved);

    startPoolAfterClaimTimeout();
    QVERIFY(drained());
    QTRY_COMPARE(counter(u"m1_pipeline_claimed_total"_s), 1.0);
    QTRY_COMPARE(counter(u"m1_pipeline_messages_total"_s), 1.0);
    QCOMPARE(m_h->sink().count(), qsizetype(0)); // not answered a second time
    QCOMPARE(counter(u"m1_pipeline_replies_skipped_total"_s), 1.0);
    // Not silently either: recorded as in doubt, so "a reply or a record" still holds.
    const QHash<QString, QString> failed = failedRecords();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.value(m.messageId), u"in_doubt"_s);
}

void TestReplyReservations::crashBeforeSendingIsAnsweredOnce()
{
    // Killed after loading the turn, before reserving (sending) anything: the reclaiming worker
    // answers, once.
    const InboundMessage m = text(u"wamid.crash.before-send"_s);
    const QueuedMessage entry = readByDeadWorker(m);
    QVERIFY(!entry.entryId.isEmpty());
    loadLikeTheDeadWorker(m, entry.entryId);

    startPoolAfterClaimTimeout();
    QVERIFY(drained());
    QTRY_COMPARE(m_h->sink().count(), qsizetype(1));
    QCOMPARE(counter(u"m1_pipeline_claimed_total"_s), 1.0);
    QCOMPARE(counter(u"m1_pipeline_replies_skipped_total"_s), 0.0);
    QVERIFY(failedRecords().isEmpty());
    QCOMPARE(m_h->sink().messages().first().to, kPhone);
    // A redelivery of the same message id (Meta retrying) is still dropped by the dedup gate.
    QVERIFY(StoreFixture::await(m_h->queue().push(m)).ok);
    QVERIFY(drained());
    QVERIFY(m_h->pool().waitForIdle(10'000));
    QCOMPARE(m_h->sink().count(), qsizetype(1));
}

QTEST_GUILESS_MAIN(TestReplyReservations)
#include "tst_replyreservations.moc"
