// `m1bot serve` as child processes on one redis-server, replies captured by a fake Graph API in
// this process: refusing to start without the WhatsApp secrets, a graceful SIGTERM, a process
// killed (SIGKILL) while a message is in flight whose message another process reclaims and
// answers exactly once, two processes sharing a burst with every message answered once, and the
// SQL persistence (--database): the message log and the users table's profile.
#include "conversation/conversationkeys.h"
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "servefixture.h"
#include "store/messagelog.h"
#include "store/messagelogquery.h"
#include "store/redisstore.h"
#include "store/sqldatabase.h"
#include "store/userrepository.h"
#include "testsupport/fakegraphapiserver.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestServeCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void refusesToStartWithoutSecrets();
    void sigtermStopsGracefully();
    void killedWorkersMessageIsReclaimedAndAnsweredOnce();
    void slowButAliveWorkerKeepsItsMessage();
    void twoProcessesAnswerEveryMessageOnce();
    void databaseLogsMessagesAndProfilesShapeReplies();

private:
    // The last reply sent to `phone` without its addressee, {} when none was.
    QJsonObject lastReplyTo(const QString &phone) const
    {
        QJsonObject reply;
        for (const FakeGraphApiServer::Request &r : m_f.graph().requests()) {
            if (r.json.value(u"to"_s).toString() == phone) {
                reply = r.json;
                reply.remove(u"to"_s);
            }
        }
        return reply;
    }

    ServeFixture m_f;
    SystemClock m_clock; // for the SQL database the test reads
};

void TestServeCluster::initTestCase()
{
    M1_START_SERVE_FIXTURE(m_f);
}

void TestServeCluster::init()
{
    QCOMPARE(m_f.run(RedisCommand::of("FLUSHALL")).isError(), false);
    m_f.graph().clear();
}

void TestServeCluster::cleanupTestCase() {}

void TestServeCluster::refusesToStartWithoutSecrets()
{
    QProcessEnvironment env = m_f.environment();
    env.remove(u"M1_WHATSAPP_APP_SECRET"_s);
    env.remove(u"M1_WHATSAPP_VERIFY_TOKEN"_s);
    ServeProcess process({ u"--store"_s, u"memory"_s, u"--port"_s, u"0"_s }, env);
    QCOMPARE(process.runToEnd(), 2);
    const QString err = process.stderrText();
    QVERIFY2(err.contains(u"M1_WHATSAPP_APP_SECRET"_s) && err.contains(u"M1_WHATSAPP_VERIFY_TOKEN"_s),
             qPrintable(err));
    QVERIFY2(!err.contains(u"M1_WHATSAPP_TOKEN,"_s), qPrintable(err)); // only what is missing
    QVERIFY(!process.stdoutText().contains(u"listening"_s));
    // No secret is ever printed (here: the access token that was set).
    QVERIFY(!err.contains(m_f.graph().config().accessToken));
}

void TestServeCluster::sigtermStopsGracefully()
{
    auto process = m_f.serve();
    const QString started = process->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const WebhookPayloadBuilder::Signed post = ServeFixture::signedText(u"385918880001"_s, u"wamid.term.1"_s);
    QCOMPARE(m_f.http().postSigned(process->webhookUrl(), post.body, post.signature).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return m_f.repliesTo(u"385918880001"_s) > 0 && m_f.streamLength() == 0; }, 60'000));
    QCOMPARE(process->terminate(), 0);
    const QString err = process->stderrText();
    QVERIFY2(err.contains(u"received SIGTERM"_s) && err.contains(u"stopped after 1 messages"_s), qPrintable(err));
    QVERIFY(!err.contains(QString::fromUtf8(ServeFixture::appSecret())));
    QVERIFY(!err.contains(m_f.graph().config().accessToken));
    QVERIFY(!err.contains(u"385918880001"_s)); // phone numbers only as their last digits
}

void TestServeCluster::killedWorkersMessageIsReclaimedAndAnsweredOnce()
{
    const QString victim = u"385918880002"_s;
    const QString control = u"385918880003"_s;
    // A: every tool call takes 30 s, so a message stays in flight (loaded, dedup mark set, not
    // answered, not acknowledged) long enough to kill the process in the middle of it.
    auto a = m_f.serve({ u"--test-executor-delay-ms"_s, u"30000"_s, u"--claim-idle-ms"_s, u"1000"_s });
    QString started = a->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const WebhookPayloadBuilder::Signed post = ServeFixture::signedText(victim, u"wamid.crash.1"_s);
    QCOMPARE(m_f.http().postSigned(a->webhookUrl(), post.body, post.signature).status, 200);
    const QByteArray dedupKey = ConversationKeys::dedup(victim, u"wamid.crash.1"_s);
    QVERIFY2(QTest::qWaitFor([&] { return m_f.run(RedisCommand::of("EXISTS", dedupKey)).integer() == 1; }, 30'000),
             "the turn was never loaded");
    a->kill();
    QCOMPARE(m_f.repliesTo(victim), 0);
    QCOMPARE(m_f.pending(), 1); // left unacknowledged by the dead consumer
    QCOMPARE(m_f.streamLength(), 1);

    // B takes it over once it has been idle for a second, and answers it.
    auto b = m_f.serve({ u"--claim-idle-ms"_s, u"1000"_s });
    started = b->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY2(QTest::qWaitFor([&] { return m_f.repliesTo(victim) > 0 && m_f.streamLength() == 0; }, 60'000),
             qPrintable(b->stderrText()));
    QCOMPARE(m_f.pending(), 0);
    QCOMPARE(m_f.metric(*b, u"m1_pipeline_claimed_total"_s), 1.0);
    QCOMPARE(m_f.metric(*b, u"m1_pipeline_messages_total"_s), 1.0);

    // Answered exactly once: as many replies as the same request from another user gets, and
    // no late second answer (B's reclaim loop runs every half second; give it a few rounds).
    const WebhookPayloadBuilder::Signed again = ServeFixture::signedText(control, u"wamid.crash.control"_s);
    QCOMPARE(m_f.http().postSigned(b->webhookUrl(), again.body, again.signature).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return m_f.repliesTo(control) > 0 && m_f.streamLength() == 0; }, 60'000));
    QTest::qWait(2'000);
    QCOMPARE(m_f.repliesTo(victim), m_f.repliesTo(control));
    QCOMPARE(m_f.metric(*b, u"m1_pipeline_messages_total"_s), 2.0);
    QCOMPARE(b->terminate(), 0);
}

void TestServeCluster::slowButAliveWorkerKeepsItsMessage()
{
    // A's tool call takes 9 s; B takes over entries idle for 3 s (checking every 1.5 s). A
    // re-claims its own in-flight entry every 2 s (half its own 4 s timeout), so the entry never
    // looks idle to B and B never takes it: one answer, from A. (Without that, B would take it
    // at about 3 s, before A's own timeout, and the user would be answered twice.)
    const QString user = u"385918880004"_s;
    auto a = m_f.serve({ u"--test-executor-delay-ms"_s, u"9000"_s, u"--claim-idle-ms"_s, u"4000"_s });
    QString started = a->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const WebhookPayloadBuilder::Signed post = ServeFixture::signedText(user, u"wamid.slow.1"_s);
    QCOMPARE(m_f.http().postSigned(a->webhookUrl(), post.body, post.signature).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return m_f.pending() == 1; }, 10'000));
    auto b = m_f.serve({ u"--claim-idle-ms"_s, u"3000"_s });
    started = b->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY2(QTest::qWaitFor([&] { return m_f.repliesTo(user) > 0 && m_f.streamLength() == 0; }, 60'000),
             qPrintable(a->stderrText()));
    QCOMPARE(m_f.metric(*b, u"m1_pipeline_claimed_total"_s), 0.0);
    QCOMPARE(m_f.metric(*b, u"m1_pipeline_messages_total"_s), 0.0);
    QCOMPARE(m_f.metric(*a, u"m1_pipeline_messages_total"_s), 1.0);
    QCOMPARE(a->terminate(), 0);
    QCOMPARE(b->terminate(), 0);
}

void TestServeCluster::twoProcessesAnswerEveryMessageOnce()
{
    auto a = m_f.serve();
    auto b = m_f.serve();
    QString started = a->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    started = b->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));

    // A burst of 60 users, alternating between the two webhooks; every fifth message is also
    // delivered again to the other process, as Meta does when it did not see our 200.
    constexpr int kUsers = 60;
    QList<HttpProbe::Post> posts;
    QStringList phones;
    for (int i = 0; i < kUsers; ++i) {
        phones.append(u"3859177"_s + QString::number(10000 + i));
        const WebhookPayloadBuilder::Signed s = ServeFixture::signedText(phones.last(), u"wamid.burst."_s + QString::number(i));
        ServeProcess &first = i % 2 ? *a : *b;
        ServeProcess &second = i % 2 ? *b : *a;
        posts.append({ first.webhookUrl(), s.body, s.signature });
        if (i % 5 == 0)
            posts.append({ second.webhookUrl(), s.body, s.signature });
    }
    for (const HttpProbe::Answer &answer : m_f.http().postMany(posts))
        QCOMPARE(answer.status, 200);
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return m_f.streamLength() == 0
                         && std::all_of(phones.begin(), phones.end(),
                                        [&](const QString &p) { return m_f.repliesTo(p) > 0; });
                 },
                 120'000),
             qPrintable(a->stderrText() + b->stderrText()));
    QTest::qWait(1'000);
    const int each = m_f.repliesTo(phones.first());
    for (const QString &p : std::as_const(phones))
        QCOMPARE(m_f.repliesTo(p), each);
    const double processedA = m_f.metric(*a, u"m1_pipeline_messages_total"_s);
    const double processedB = m_f.metric(*b, u"m1_pipeline_messages_total"_s);
    const double duplicates = m_f.metric(*a, u"m1_pipeline_duplicates_total"_s)
        + m_f.metric(*b, u"m1_pipeline_duplicates_total"_s);
    qInfo("process A ran %g turns, B %g; %g redeliveries dropped", processedA, processedB, duplicates);
    QCOMPARE(processedA + processedB, double(kUsers));
    QCOMPARE(duplicates, double(kUsers / 5));
    QCOMPARE(m_f.pending(), 0);
    QCOMPARE(a->terminate(), 0);
    QCOMPARE(b->terminate(), 0);
}

void TestServeCluster::databaseLogsMessagesAndProfilesShapeReplies()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"bot.db"_s);
    const QString known = u"385918880101"_s; // has a users row asking for Croatian
    const QString stranger = u"385918880102"_s; // has none: the reply follows the (English) message
    {
        QString error;
        const std::unique_ptr<SqlDatabase> db = SqlDatabase::open(SqlUrl::sqlite(path), m_clock, &error);
        QVERIFY2(db, qPrintable(error));
        UserRecord user;
        user.phone = known;
        user.name = u"Ana"_s;
        user.language = u"hr"_s;
        const QString upserted = UserRepository(*db, m_clock).upsert(user);
        QVERIFY2(upserted.isEmpty(), qPrintable(upserted));
    }

    auto process = m_f.serve({ u"--database"_s, u"sqlite://"_s + path });
    const QString started = process->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const WebhookPayloadBuilder::Signed first = ServeFixture::signedText(known, u"wamid.sql.1"_s);
    QCOMPARE(m_f.http().postSigned(process->webhookUrl(), first.body, first.signature).status, 200);
    const WebhookPayloadBuilder::Signed second = ServeFixture::signedText(stranger, u"wamid.sql.2"_s);
    QCOMPARE(m_f.http().postSigned(process->webhookUrl(), second.body, second.signature).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return m_f.repliesTo(known) > 0 && m_f.repliesTo(stranger) > 0; }, 60'000));
    // The same English question: the stranger is answered in English, the known user in the
    // profile's language, which only the users table says.
    const QJsonObject knownReply = lastReplyTo(known);
    const QJsonObject strangerReply = lastReplyTo(stranger);
    QVERIFY(!knownReply.isEmpty());
    QVERIFY2(knownReply != strangerReply,
             qPrintable(QString::fromUtf8(QJsonDocument(knownReply).toJson(QJsonDocument::Compact))));
    // SIGTERM drains the batch writer before the database closes.
    QCOMPARE(process->terminate(), 0);

    QString error;
    const std::unique_ptr<SqlDatabase> db = SqlDatabase::open(SqlUrl::sqlite(path), m_clock, &error);
    QVERIFY2(db, qPrintable(error));
    MessageLogQuery query;
    query.phone = known;
    query.direction = MessageLogEntry::Direction::In;
    const QList<MessageLogEntry> in = MessageLog(*db).query(query, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    query.direction = MessageLogEntry::Direction::Out;
    const QList<MessageLogEntry> out = MessageLog(*db).query(query, &error);
    QCOMPARE(in.size(), 1);
    QCOMPARE(in.first().messageId, u"wamid.sql.1"_s);
    QCOMPARE(in.first().text, ServeFixture::ask());
    // Its replies are logged too, under the ids the Graph API gave them.
    QCOMPARE(out.size(), m_f.repliesTo(known));
    for (const MessageLogEntry &e : std::as_const(out))
        QVERIFY2(e.messageId.startsWith(u"wamid."_s) && !e.text.isEmpty(), qPrintable(e.messageId));
    query.phone = stranger;
    query.direction.reset();
    QCOMPARE(MessageLog(*db).query(query, &error).size(), 1 + m_f.repliesTo(stranger));
}

QTEST_GUILESS_MAIN(TestServeCluster)
#include "tst_servecluster.moc"
