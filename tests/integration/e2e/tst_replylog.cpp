// The SQL message log of the running bot (SqlPersistence on SQLite, attached to the in-process
// serve runtime, replies going to the fake Graph API): each incoming message and each reply is
// logged — the reply under the wamid the Graph API gave it, with its text (or what could be
// tapped), the tool and the latency — and Meta's delivery statuses for that wamid are kept
// against it, a failure with its error code. A send the Graph API refused is logged too, as
// "unsent", with the refusal's code.
#include "facade/sqlpersistence.h"
#include "httpprobe.h"
#include "serveharness.h"
#include "store/messagelog.h"
#include "store/messagestatuslog.h"
#include "store/sqlbatchwriter.h"
#include "store/sqldatabase.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

const QString kAsk = u"show the fleet utilization report"_s;

// The text a Graph API request carried: a text's body or an interactive message's body.
QString bodyOf(const QJsonObject &request)
{
    const QString text = request.value("text"_L1).toObject().value("body"_L1).toString();
    return text.isEmpty() ? request.value("interactive"_L1)
                                .toObject()
                                .value("body"_L1)
                                .toObject()
                                .value("text"_L1)
                                .toString()
                          : text;
}

} // namespace

class TestReplyLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void replyIsLoggedUnderItsWamidWithItsStatuses();
    void failedDeliveryKeepsItsCode();
    void refusedSendIsLoggedAsUnsent();

private:
    HttpProbe::Answer post(const WebhookPayloadBuilder &payload)
    {
        const WebhookPayloadBuilder::Signed s = payload.sign(ServeHarness::appSecret());
        return m_http.postSigned(m_h->webhookUrl(), s.body, s.signature);
    }
    // Sends one text and waits until it was answered, its turn saved and the log written.
    bool ask(const QString &phone, const QString &messageId, const QString &text = kAsk)
    {
        if (post(WebhookPayloadBuilder().text(phone, text, messageId)).status != 200)
            return false;
        return QTest::qWaitFor([&] { return m_h->turnFor(messageId).has_value(); }, 60'000)
            && m_h->settle() && m_sql->writer().flush(30'000);
    }
    // Oldest first.
    QList<MessageLogEntry> logged(const QString &phone, MessageLogEntry::Direction direction)
    {
        QString error;
        MessageLogQuery query;
        query.phone = phone;
        query.direction = direction;
        QList<MessageLogEntry> entries = MessageLog(m_sql->database()).query(query, &error);
        std::reverse(entries.begin(), entries.end());
        return entries;
    }
    // Waits (bounded) until `count` statuses of `messageId` are written.
    QList<MessageStatusEntry> statusesOf(const QString &messageId, int count)
    {
        QList<MessageStatusEntry> entries;
        (void)QTest::qWaitFor(
            [&] {
                m_sql->writer().flush(5'000);
                QString error;
                entries = MessageStatusLog(m_sql->database()).forMessage(messageId, &error);
                return entries.size() >= count;
            },
            30'000);
        return entries;
    }
    QString phone() { return u"38591800"_s + QString::number(1000 + ++m_phones); }

    RedisTestServer m_redis;
    QTemporaryDir m_dir;
    SystemClock m_clock;
    std::unique_ptr<SqlPersistence> m_sql; // outlives the service, whose workers write to it
    std::unique_ptr<ServeHarness> m_h;
    HttpProbe m_http;
    int m_phones = 0;
};

void TestReplyLog::initTestCase()
{
    M1_START_REDIS_TEST_SERVER(m_redis);
    QVERIFY(m_dir.isValid());
}

void TestReplyLog::init()
{
    QString error;
    m_sql = SqlPersistence::open(SqlUrl::sqlite(m_dir.filePath(
                                     QString::fromLatin1(QTest::currentTestFunction()) + u".db"_s)),
                                 m_clock, &error);
    QVERIFY2(m_sql, qPrintable(error));
    m_h = std::make_unique<ServeHarness>(m_redis);
    const QString started = m_h->start(
        3, [this](BotPipeline &pipeline) { m_sql->attach(pipeline, m_h->traceRecorder()); });
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestReplyLog::cleanup()
{
    m_h.reset();
    m_sql.reset();
}

void TestReplyLog::replyIsLoggedUnderItsWamidWithItsStatuses()
{
    const QString user = phone();
    QVERIFY(ask(user, u"wamid.log.in.1"_s));
    const QList<QJsonObject> replies = m_h->repliesTo(user);
    QVERIFY(!replies.isEmpty());

    const QList<MessageLogEntry> in = logged(user, MessageLogEntry::Direction::In);
    const QList<MessageLogEntry> out = logged(user, MessageLogEntry::Direction::Out);
    QCOMPARE(in.size(), 1);
    QCOMPARE(in.first().messageId, u"wamid.log.in.1"_s);
    QCOMPARE(in.first().text, kAsk);
    QCOMPARE(out.size(), replies.size());
    const MessageLogEntry &reply = out.first();
    QVERIFY2(reply.messageId.startsWith(u"wamid.FAKE"_s),
             qPrintable(reply.messageId)); // the Graph API's id
    QCOMPARE(reply.phone, user);
    QVERIFY2(reply.text.startsWith(bodyOf(replies.first())) && !reply.text.isEmpty(),
             qPrintable(reply.text));
    QCOMPARE(reply.toolId, in.first().toolId);
    QVERIFY(!reply.toolId.isEmpty());
    QVERIFY(reply.latencyMs >= 0);

    // Meta reports on the reply: the statuses land against its wamid, each once.
    const WebhookPayloadBuilder statuses
        = WebhookPayloadBuilder()
              .status(reply.messageId, user, u"sent"_s, 1'750'000'001)
              .status(reply.messageId, user, u"delivered"_s, 1'750'000'002)
              .status(reply.messageId, user, u"read"_s, 1'750'000'003);
    QCOMPARE(post(statuses).status, 200);
    QCOMPARE(post(statuses).status, 200); // Meta redelivers
    const QList<MessageStatusEntry> kept = statusesOf(reply.messageId, 3);
    QCOMPARE(kept.size(), 3);
    QStringList states;
    for (const MessageStatusEntry &s : kept) {
        states << s.status;
        QCOMPARE(s.phone, user);
        QCOMPARE(s.errorCode, 0);
    }
    QCOMPARE(states, QStringList({ u"sent"_s, u"delivered"_s, u"read"_s }));
    QCOMPARE(kept.last().timeMs, 1'750'000'003'000);
}

void TestReplyLog::failedDeliveryKeepsItsCode()
{
    const QString user = phone();
    QVERIFY(ask(user, u"wamid.log.in.2"_s));
    const QList<MessageLogEntry> out = logged(user, MessageLogEntry::Direction::Out);
    QVERIFY(!out.isEmpty());
    const QString wamid = out.first().messageId;
    QCOMPARE(post(WebhookPayloadBuilder()
                      .status(wamid, user, u"sent"_s)
                      .failedStatus(wamid, user, 131026, u"Message undeliverable"_s,
                                    u"The number is not on WhatsApp"_s))
                 .status,
             200);
    const QList<MessageStatusEntry> kept = statusesOf(wamid, 2);
    QCOMPARE(kept.size(), 2);
    const MessageStatusEntry &failed = kept.at(kept.at(0).status == u"failed"_s ? 0 : 1);
    QCOMPARE(failed.status, u"failed"_s);
    QCOMPARE(failed.errorCode, 131026);
    QVERIFY2(failed.errorText.contains(u"not on WhatsApp"_s), qPrintable(failed.errorText));
}

void TestReplyLog::refusedSendIsLoggedAsUnsent()
{
    const QString user = phone();
    m_h->graph().failNext(1, 400, 131047); // outside the 24-hour window: not retried
    QVERIFY(ask(user, u"wamid.log.in.3"_s));
    const QList<MessageLogEntry> out = logged(user, MessageLogEntry::Direction::Out);
    QVERIFY(!out.isEmpty());
    QCOMPARE(out.first().messageId, u"unsent.wamid.log.in.3.0"_s);
    QVERIFY(!out.first().text.isEmpty());
    const QList<MessageStatusEntry> kept = statusesOf(u"unsent.wamid.log.in.3.0"_s, 1);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().status, u"failed"_s);
    QCOMPARE(kept.first().errorCode, 131047);
}

QTEST_GUILESS_MAIN(TestReplyLog)
#include "tst_replylog.moc"
