// `m1bot serve` as child processes on one redis-server, replies captured by a fake Graph API in
// this process: refusing to start without the WhatsApp secrets, a graceful SIGTERM, a process
// killed (SIGKILL) while a message is in flight whose message another process reclaims and
// answers exactly once, two processes sharing a burst with every message answered once, and the
// SQL persistence (--database): the message log and the users table's profile.
#include "conversation/conversationkeys.h"
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "httpprobe.h"
#include "pipeline/inboundqueue.h"
#include "redistestserver.h"
#include "serveprocess.h"
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

namespace {

const QByteArray kAppSecret = "cluster-app-secret-0d6e2b9a71c4f58e"_ba;
const QString kVerifyToken = u"cluster-verify-token-8a41"_s;
const QString kAsk = u"show the fleet utilization report"_s;

} // namespace

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
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const WhatsAppConfig graph = m_graph.config();
        env.insert(u"M1_WHATSAPP_APP_SECRET"_s, QString::fromUtf8(kAppSecret));
        env.insert(u"M1_WHATSAPP_VERIFY_TOKEN"_s, kVerifyToken);
        env.insert(u"M1_WHATSAPP_TOKEN"_s, graph.accessToken);
        env.insert(u"M1_WHATSAPP_PHONE_NUMBER_ID"_s, graph.phoneNumberId);
        env.insert(u"M1_GRAPH_API_URL"_s, graph.graphApiUrl);
        env.insert(u"M1_GRAPH_API_VERSION"_s, graph.graphApiVersion);
        env.insert(u"M1_WHATSAPP_MESSAGES_PER_SECOND"_s, u"1000"_s);
        return env;
    }
    std::unique_ptr<ServeProcess> serve(const QStringList &extra = {})
    {
        return std::make_unique<ServeProcess>(
            QStringList { u"--store"_s, u"redis://127.0.0.1:"_s + QString::number(m_redis.port()) + u"/0"_s, u"--port"_s, u"0"_s,
                          u"--executor"_s, u"sandbox"_s, u"--workers"_s, u"3"_s }
                + extra,
            environment());
    }
    RedisReply run(const RedisCommand &command)
    {
        QFuture<RedisReply> f = m_store->command(command);
        (void)QTest::qWaitFor([&f] { return f.isFinished(); }, 10'000);
        return f.isFinished() ? f.result() : RedisReply::transportError(u"timed out"_s);
    }
    qint64 streamLength() { return run(RedisCommand::of("XLEN", InboundQueue::defaultStream())).integer(); }
    qint64 pending()
    {
        const RedisReply r = run(RedisCommand::of("XPENDING", InboundQueue::defaultStream(),
                                                  InboundQueue::defaultGroup()));
        return r.elements().isEmpty() ? 0 : r.elements().first().integer();
    }
    int repliesTo(const QString &phone) const
    {
        int n = 0;
        for (const FakeGraphApiServer::Request &r : m_graph.requests())
            n += r.json.value(u"to"_s).toString() == phone ? 1 : 0;
        return n;
    }
    // A counter from the process' /metrics (Prometheus text), -1 when absent.
    double metric(ServeProcess &process, const QString &name)
    {
        const HttpProbe::Answer a = m_http.get(process.url(u"/metrics"_s));
        const QRegularExpression line(u"^"_s + QRegularExpression::escape(name) + u" (\\S+)$"_s,
                                      QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(a.body));
        return m.hasMatch() ? m.captured(1).toDouble() : -1;
    }
    // The last reply sent to `phone` without its addressee, {} when none was.
    QJsonObject lastReplyTo(const QString &phone) const
    {
        QJsonObject reply;
        for (const FakeGraphApiServer::Request &r : m_graph.requests()) {
            if (r.json.value(u"to"_s).toString() == phone) {
                reply = r.json;
                reply.remove(u"to"_s);
            }
        }
        return reply;
    }
    WebhookPayloadBuilder::Signed textFrom(const QString &phone, const QString &id)
    {
        WebhookPayloadBuilder payload;
        payload.text(phone, kAsk, id);
        return payload.sign(kAppSecret);
    }

    RedisTestServer m_redis;
    SystemClock m_clock;
    MetricsRegistry m_metrics { m_clock };
    std::unique_ptr<RedisStore> m_store;
    FakeGraphApiServer m_graph;
    HttpProbe m_http;
};

void TestServeCluster::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("M1BOT"))
        QSKIP("M1BOT (the m1bot binary) is not set");
    if (!RedisTestServer::isAvailable())
        QSKIP("redis-server is not installed");
    QString error;
    QVERIFY2(m_redis.start(&error), qPrintable(error));
    QVERIFY2(m_graph.listen(&error), qPrintable(error));
    m_store = std::make_unique<RedisStore>(m_redis.tcpUrl(), m_metrics, m_clock);
    QVERIFY(QTest::qWaitFor([this] { return m_store->isConnected(); }, 10'000));
}

void TestServeCluster::init()
{
    QCOMPARE(run(RedisCommand::of("FLUSHALL")).isError(), false);
    m_graph.clear();
}

void TestServeCluster::cleanupTestCase()
{
    m_store.reset();
    m_redis.stop();
}

void TestServeCluster::refusesToStartWithoutSecrets()
{
    QProcessEnvironment env = environment();
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
    QVERIFY(!err.contains(m_graph.config().accessToken));
}

void TestServeCluster::sigtermStopsGracefully()
{
    auto process = serve();
    const QString started = process->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const WebhookPayloadBuilder::Signed post = textFrom(u"385918880001"_s, u"wamid.term.1"_s);
    QCOMPARE(m_http.postSigned(process->webhookUrl(), post.body, post.signature).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return repliesTo(u"385918880001"_s) > 0 && streamLength() == 0; }, 60'000));
    QCOMPARE(process->terminate(), 0);
    const QString err = process->stderrText();
    QVERIFY2(err.contains(u"received SIGTERM"_s) && err.contains(u"stopped after 1 messages"_s), qPrintable(err));
    QVERIFY(!err.contains(QString::fromUtf8(kAppSecret)));
    QVERIFY(!err.contains(m_graph.config().accessToken));
    QVERIFY(!err.contains(u"385918880001"_s)); // phone numbers only as their last digits
}

void TestServeCluster::killedWorkersMessageIsReclaimedAndAnsweredOnce()
{
    const QString victim = u"385918880002"_s;
    const QString control = u"385918880003"_s;
    // A: every tool call takes 30 s, so a message stays in flight (loaded, dedup mark set, not
    // answered, not acknowledged) long enough to kill the process in the middle of it.
    auto a = serve({ u"--test-executor-delay-ms"_s, u"30000"_s, u"--claim-idle-ms"_s, u"1000"_s });
    QString started = a->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const WebhookPayloadBuilder::Signed post = textFrom(victim, u"wamid.crash.1"_s);
    QCOMPARE(m_http.postSigned(a->webhookUrl(), post.body, post.signature).status, 200);
    const QByteArray dedupKey = ConversationKeys::dedup(victim, u"wamid.crash.1"_s);
    QVERIFY2(QTest::qWaitFor([&] { return run(RedisCommand::of("EXISTS", dedupKey)).integer() == 1; }, 30'000),
             "the turn was never loaded");
    a->kill();
    QCOMPARE(repliesTo(victim), 0);
    QCOMPARE(pending(), 1); // left unacknowledged by the dead consumer
    QCOMPARE(streamLength(), 1);

    // B takes it over once it has been idle for a second, and answers it.
    auto b = serve({ u"--claim-idle-ms"_s, u"1000"_s });
    started = b->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY2(QTest::qWaitFor([&] { return repliesTo(victim) > 0 && streamLength() == 0; }, 60'000),
             qPrintable(b->stderrText()));
    QCOMPARE(pending(), 0);
    QCOMPARE(metric(*b, u"m1_pipeline_claimed_total"_s), 1.0);
    QCOMPARE(metric(*b, u"m1_pipeline_messages_total"_s), 1.0);

    // Answered exactly once: as many replies as the same request from another user gets, and
    // no late second answer (B's reclaim loop runs every half second; give it a few rounds).
    const WebhookPayloadBuilder::Signed again = textFrom(control, u"wamid.crash.control"_s);
    QCOMPARE(m_http.postSigned(b->webhookUrl(), again.body, again.signature).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return repliesTo(control) > 0 && streamLength() == 0; }, 60'000));
    QTest::qWait(2'000);
    QCOMPARE(repliesTo(victim), repliesTo(control));
    QCOMPARE(metric(*b, u"m1_pipeline_messages_total"_s), 2.0);
    QCOMPARE(b->terminate(), 0);
}

void TestServeCluster::slowButAliveWorkerKeepsItsMessage()
{
    // A's tool call takes 9 s; B takes over entries idle for 3 s (checking every 1.5 s). A
    // re-claims its own in-flight entry every 2 s (half its own 4 s timeout), so the entry never
    // looks idle to B and B never takes it: one answer, from A. (Without that, B would take it
    // at about 3 s, before A's own timeout, and the user would be answered twice.)
    const QString user = u"385918880004"_s;
    auto a = serve({ u"--test-executor-delay-ms"_s, u"9000"_s, u"--claim-idle-ms"_s, u"4000"_s });
    QString started = a->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const WebhookPayloadBuilder::Signed post = textFrom(user, u"wamid.slow.1"_s);
    QCOMPARE(m_http.postSigned(a->webhookUrl(), post.body, post.signature).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return pending() == 1; }, 10'000));
    auto b = serve({ u"--claim-idle-ms"_s, u"3000"_s });
    started = b->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY2(QTest::qWaitFor([&] { return repliesTo(user) > 0 && streamLength() == 0; }, 60'000),
             qPrintable(a->stderrText()));
    QCOMPARE(metric(*b, u"m1_pipeline_claimed_total"_s), 0.0);
    QCOMPARE(metric(*b, u"m1_pipeline_messages_total"_s), 0.0);
    QCOMPARE(metric(*a, u"m1_pipeline_messages_total"_s), 1.0);
    QCOMPARE(a->terminate(), 0);
    QCOMPARE(b->terminate(), 0);
}

void TestServeCluster::twoProcessesAnswerEveryMessageOnce()
{
    auto a = serve();
    auto b = serve();
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
        const WebhookPayloadBuilder::Signed s = textFrom(phones.last(), u"wamid.burst."_s + QString::number(i));
        ServeProcess &first = i % 2 ? *a : *b;
        ServeProcess &second = i % 2 ? *b : *a;
        posts.append({ first.webhookUrl(), s.body, s.signature });
        if (i % 5 == 0)
            posts.append({ second.webhookUrl(), s.body, s.signature });
    }
    for (const HttpProbe::Answer &answer : m_http.postMany(posts))
        QCOMPARE(answer.status, 200);
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return streamLength() == 0
                         && std::all_of(phones.begin(), phones.end(),
                                        [&](const QString &p) { return repliesTo(p) > 0; });
                 },
                 120'000),
             qPrintable(a->stderrText() + b->stderrText()));
    QTest::qWait(1'000);
    const int each = repliesTo(phones.first());
    for (const QString &p : std::as_const(phones))
        QCOMPARE(repliesTo(p), each);
    const double processedA = metric(*a, u"m1_pipeline_messages_total"_s);
    const double processedB = metric(*b, u"m1_pipeline_messages_total"_s);
    const double duplicates = metric(*a, u"m1_pipeline_duplicates_total"_s)
        + metric(*b, u"m1_pipeline_duplicates_total"_s);
    qInfo("process A ran %g turns, B %g; %g redeliveries dropped", processedA, processedB, duplicates);
    QCOMPARE(processedA + processedB, double(kUsers));
    QCOMPARE(duplicates, double(kUsers / 5));
    QCOMPARE(pending(), 0);
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

    auto process = serve({ u"--database"_s, u"sqlite://"_s + path });
    const QString started = process->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const WebhookPayloadBuilder::Signed first = textFrom(known, u"wamid.sql.1"_s);
    QCOMPARE(m_http.postSigned(process->webhookUrl(), first.body, first.signature).status, 200);
    const WebhookPayloadBuilder::Signed second = textFrom(stranger, u"wamid.sql.2"_s);
    QCOMPARE(m_http.postSigned(process->webhookUrl(), second.body, second.signature).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return repliesTo(known) > 0 && repliesTo(stranger) > 0; }, 60'000));
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
    QCOMPARE(in.first().text, kAsk);
    // Its replies are logged too, under the ids the Graph API gave them.
    QCOMPARE(out.size(), repliesTo(known));
    for (const MessageLogEntry &e : std::as_const(out))
        QVERIFY2(e.messageId.startsWith(u"wamid."_s) && !e.text.isEmpty(), qPrintable(e.messageId));
    query.phone = stranger;
    query.direction.reset();
    QCOMPARE(MessageLog(*db).query(query, &error).size(), 1 + repliesTo(stranger));
}

QTEST_GUILESS_MAIN(TestServeCluster)
#include "tst_servecluster.moc"
