// `m1bot serve`'s runtime in-process, end to end over loopback: signed webhook POSTs in Meta's
// documented shapes → BotService (HTTP server, Redis Stream on a real redis-server, worker lanes,
// orchestrator, sandbox executor) → replies captured by a fake Graph API. Also every way a
// request is refused (401, 403, 400, 413, 503) with proof that nothing was queued, statuses
// recorded, /health and /metrics, and a multi-turn booking.
#include "channel/webhookserver.h"
#include "httpprobe.h"
#include "serveharness.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

// moc misreads raw string literals, so JSON is written with single quotes here.
QByteArray quoted(const char *singleQuoted)
{
    QByteArray json(singleQuoted);
    json.replace('\'', '"');
    return json;
}

QByteArray sign(const QByteArray &body)
{
    return WebhookPayloadBuilder::signature(ServeHarness::appSecret(), body);
}

} // namespace

class TestServeWebhook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void handshakeChecksTheVerifyToken();
    void textMessageIsAnswered();
    void documentedPayloadIsAnswered();
    void interactiveRepliesKeepTheirIds();
    void locationAndImageAreUnderstood();
    void documentReactionAndOtherTypes();
    void severalMessagesInOnePostEachAnswered();
    void statusesAreRecordedNotAnswered();
    void forgedAndMissingSignaturesQueueNothing();
    void malformedAndOversizedBodiesAreRefused();
    void healthAndMetrics();
    void bookingAcrossTurns();
    void redisDownAnswers503ThenRecovers();

private:
    HttpProbe::Answer post(const WebhookPayloadBuilder &payload)
    {
        const WebhookPayloadBuilder::Signed s = payload.sign(ServeHarness::appSecret());
        return m_http.postSigned(m_h->webhookUrl(), s.body, s.signature);
    }
    // The stream's last generated id: it moves with every XADD, and entries handled since are
    // deleted, so this (not the length) proves whether anything was appended.
    QByteArray lastStreamId()
    {
        const RedisReply r = m_h->run(RedisCommand::of("XINFO", "STREAM", InboundQueue::defaultStream()));
        const QList<RedisReply> &fields = r.elements();
        for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
            if (fields.at(i).bytes() == "last-generated-id")
                return fields.at(i + 1).bytes();
        }
        return {};
    }
    quint64 counter(const QString &name) { return m_h->metrics().counter(name).value(); }
    QString phone() { return u"38591700"_s + QString::number(1000 + ++m_phones); }

    RedisTestServer m_redis;
    std::unique_ptr<ServeHarness> m_h;
    HttpProbe m_http;
    int m_phones = 0;
};

void TestServeWebhook::initTestCase()
{
    M1_START_REDIS_TEST_SERVER(m_redis);
    m_h = std::make_unique<ServeHarness>(m_redis);
    const QString started = m_h->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestServeWebhook::cleanupTestCase()
{
    m_h.reset();
    m_redis.stop();
}

void TestServeWebhook::handshakeChecksTheVerifyToken()
{
    const QString base = m_h->webhookUrl().toString();
    HttpProbe::Answer a = m_http.get(QUrl(base + u"?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444"_s));
    QCOMPARE(a.status, 403);
    a = m_http.get(QUrl(base + u"?hub.mode=unsubscribe&hub.verify_token="_s + ServeHarness::verifyToken()
                        + u"&hub.challenge=1158201444"_s));
    QCOMPARE(a.status, 403);
    a = m_http.get(QUrl(base + u"?hub.mode=subscribe&hub.verify_token="_s + ServeHarness::verifyToken()
                        + u"&hub.challenge=1158201444"_s));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.body, "1158201444"_ba);
}

void TestServeWebhook::textMessageIsAnswered()
{
    const QString from = phone();
    WebhookPayloadBuilder payload;
    payload.text(from, u"show the fleet utilization report"_s, u"wamid.e2e.text.1"_s);
    QCOMPARE(post(payload).status, 200);
    QVERIFY(m_h->settle());
    QVERIFY2(!m_h->repliesTo(from).isEmpty(), "no reply reached the Graph API");
    const auto turn = m_h->turnFor(u"wamid.e2e.text.1"_s);
    QVERIFY(turn);
    QCOMPARE(turn->message.text, u"show the fleet utilization report"_s);
    QCOMPARE(turn->message.type, InboundMessage::Type::Text);
    // The reply went out as Meta expects it: to the user, with a bearer token.
    const FakeGraphApiServer::Request &last = m_h->graph().requests().last();
    QCOMPARE(last.authorization, "Bearer test-token"_ba);
    QCOMPARE(last.status, 200);
}

void TestServeWebhook::documentedPayloadIsAnswered()
{
    // Written out by hand in the shape of Meta's webhook reference (text message), rather than
    // by the builder, so a drift in the builder cannot hide a drift from the documented format.
    const QByteArray body = quoted(
        "{'object':'whatsapp_business_account','entry':[{'id':'102290129340398','changes':[{"
        "'value':{'messaging_product':'whatsapp','metadata':{'display_phone_number':'15550783881',"
        "'phone_number_id':'106540352242922'},'contacts':[{'profile':{'name':'Ana'},"
        "'wa_id':'385917009999'}],'messages':[{'from':'385917009999','id':"
        "'wamid.HBgLMzg1OTE3MDA5OTk5FQIAEhggQTFCMkMzRDRFNUY2','timestamp':'1749416383',"
        "'text':{'body':'show the fleet utilization report'},'type':'text'}]},"
        "'field':'messages'}]}]}");
    QCOMPARE(m_http.postSigned(m_h->webhookUrl(), body, sign(body)).status, 200);
    QVERIFY(m_h->settle());
    QVERIFY(!m_h->repliesTo(u"385917009999"_s).isEmpty());
    const auto turn = m_h->turnFor(u"wamid.HBgLMzg1OTE3MDA5OTk5FQIAEhggQTFCMkMzRDRFNUY2"_s);
    QVERIFY(turn);
    QCOMPARE(turn->message.profileName, u"Ana"_s);
    QCOMPARE(turn->message.phoneNumberId, u"106540352242922"_s);
}

void TestServeWebhook::interactiveRepliesKeepTheirIds()
{
    const QString a = phone();
    const QString b = phone();
    WebhookPayloadBuilder payload;
    payload.buttonReply(a, u"confirm"_s, u"Confirm"_s, u"wamid.ours.1"_s, u"wamid.e2e.button"_s)
        .listReply(b, u"getVehicleMileage"_s, u"Mileage"_s, u"Kilometres driven"_s, u"wamid.ours.2"_s,
                   u"wamid.e2e.list"_s);
    QCOMPARE(post(payload).status, 200);
    QVERIFY(m_h->settle());
    const auto button = m_h->turnFor(u"wamid.e2e.button"_s);
    const auto list = m_h->turnFor(u"wamid.e2e.list"_s);
    QVERIFY(button && list);
    QCOMPARE(button->message.type, InboundMessage::Type::ButtonReply);
    QCOMPARE(button->message.replyId, u"confirm"_s);
    QCOMPARE(button->message.contextMessageId, u"wamid.ours.1"_s);
    QCOMPARE(list->message.type, InboundMessage::Type::ListReply);
    QCOMPARE(list->message.replyId, u"getVehicleMileage"_s);
    QCOMPARE(list->message.replyDescription, u"Kilometres driven"_s);
    // Each got an answer (with nothing pending, the bot says what it can do).
    QVERIFY(!m_h->repliesTo(a).isEmpty());
    QVERIFY(!m_h->repliesTo(b).isEmpty());
}

void TestServeWebhook::locationAndImageAreUnderstood()
{
    const QString a = phone();
    const QString b = phone();
    WebhookPayloadBuilder payload;
    payload.location(a, 45.815, 15.9819, u"Zagreb HQ"_s, u"Ulica grada Vukovara 1"_s, u"wamid.e2e.loc"_s)
        .image(b, u"1479537139650973"_s, u"image/jpeg"_s, u"scratch on the door"_s, u"wamid.e2e.img"_s);
    QCOMPARE(post(payload).status, 200);
    QVERIFY(m_h->settle());
    const auto location = m_h->turnFor(u"wamid.e2e.loc"_s);
    const auto image = m_h->turnFor(u"wamid.e2e.img"_s);
    QVERIFY(location && image);
    QCOMPARE(location->message.type, InboundMessage::Type::Location);
    QCOMPARE(location->message.location.latitude, 45.815);
    QCOMPARE(location->message.location.name, u"Zagreb HQ"_s);
    QCOMPARE(image->message.type, InboundMessage::Type::Image);
    QCOMPARE(image->message.mediaId, u"1479537139650973"_s);
    QCOMPARE(image->message.caption, u"scratch on the door"_s);
    QVERIFY(!m_h->repliesTo(a).isEmpty());
    QVERIFY(!m_h->repliesTo(b).isEmpty());
}

void TestServeWebhook::documentReactionAndOtherTypes()
{
    const QString a = phone();
    const QString b = phone();
    const QString c = phone();
    WebhookPayloadBuilder payload;
    payload.document(a, u"2754859441498128"_s, u"damage-report.pdf"_s, u"application/pdf"_s, {}, u"wamid.e2e.doc"_s)
        .reaction(b, u"wamid.ours.9"_s, u"\U0001F44D"_s, u"wamid.e2e.reaction"_s)
        .unsupported(c, u"audio"_s, u"wamid.e2e.audio"_s);
    QCOMPARE(post(payload).status, 200);
    QVERIFY(m_h->settle());
    const auto document = m_h->turnFor(u"wamid.e2e.doc"_s);
    const auto reaction = m_h->turnFor(u"wamid.e2e.reaction"_s);
    const auto audio = m_h->turnFor(u"wamid.e2e.audio"_s);
    QVERIFY(document && reaction && audio);
    QCOMPARE(document->message.type, InboundMessage::Type::Document);
    QCOMPARE(document->message.mediaId, u"2754859441498128"_s);
    QCOMPARE(document->message.filename, u"damage-report.pdf"_s);
    QCOMPARE(reaction->message.type, InboundMessage::Type::Reaction);
    QCOMPARE(reaction->message.reaction.messageId, u"wamid.ours.9"_s);
    QCOMPARE(audio->message.type, InboundMessage::Type::Unsupported);
    QCOMPARE(audio->message.waType, u"audio"_s);
    // A voice message cannot be read: the user is told so, politely, in a reply.
    QVERIFY(!m_h->repliesTo(c).isEmpty());
    QVERIFY(!m_h->repliesTo(a).isEmpty());
}

void TestServeWebhook::severalMessagesInOnePostEachAnswered()
{
    const QStringList phones { phone(), phone(), phone(), phone() };
    // Two entries, one with two changes, one change with two messages: four messages in all.
    WebhookPayloadBuilder payload;
    payload.text(phones.at(0), u"show the fleet utilization report"_s)
        .text(phones.at(1), u"show the fleet utilization report"_s)
        .nextChange()
        .text(phones.at(2), u"show the fleet utilization report"_s)
        .nextEntry()
        .text(phones.at(3), u"show the fleet utilization report"_s);
    const quint64 before = counter(u"channel.webhook.messages"_s);
    QCOMPARE(post(payload).status, 200);
    QCOMPARE(counter(u"channel.webhook.messages"_s), before + 4);
    QVERIFY(m_h->settle());
    // Every message was answered once, and the same way (the same request from new users).
    const qsizetype each = m_h->repliesTo(phones.first()).size();
    QVERIFY(each > 0);
    for (const QString &p : phones)
        QCOMPARE(m_h->repliesTo(p).size(), each);
}

void TestServeWebhook::statusesAreRecordedNotAnswered()
{
    const QString to = phone();
    const int requestsBefore = m_h->graph().requestCount();
    const qint64 recordedBefore = m_h->run(RedisCommand::of("XLEN", "m1:statuses")).integer();
    WebhookPayloadBuilder payload;
    payload.status(u"wamid.out.1"_s, to, u"sent"_s)
        .status(u"wamid.out.1"_s, to, u"delivered"_s)
        .status(u"wamid.out.1"_s, to, u"read"_s)
        .failedStatus(u"wamid.out.2"_s, to, 131047, u"Re-engagement message"_s,
                      u"More than 24 hours have passed since the recipient last replied."_s);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"delivery of wamid.out.2 .* failed: 131047"_s));
    QCOMPARE(post(payload).status, 200);
    QCOMPARE(m_h->run(RedisCommand::of("XLEN", "m1:statuses")).integer(), recordedBefore + 4);
    const RedisReply failed = m_h->run(RedisCommand::of("XREVRANGE", "m1:statuses:failed", "+", "-", "COUNT", "1"));
    QCOMPARE(failed.elements().size(), 1);
    const QByteArray json = failed.elements().first().elements().at(1).elements().at(1).bytes();
    const std::optional<MessageStatus> status = MessageStatus::fromJson(json);
    QVERIFY(status);
    QCOMPARE(status->messageId, u"wamid.out.2"_s);
    QCOMPARE(status->errors.value(0).code, 131047);
    QCOMPARE(counter(u"pipeline.statuses.failed"_s), 1u);
    QCOMPARE(counter(u"pipeline.status_errors.131047"_s), 1u);
    QVERIFY(counter(u"pipeline.statuses.read"_s) >= 1u);
    QVERIFY(m_h->settle());
    QCOMPARE(m_h->graph().requestCount(), requestsBefore); // statuses are never answered
}

void TestServeWebhook::forgedAndMissingSignaturesQueueNothing()
{
    WebhookPayloadBuilder payload;
    payload.text(phone(), u"show the fleet utilization report"_s);
    const QByteArray body = payload.body();
    const QByteArray lastId = lastStreamId();
    const quint64 unauthorized = m_h->service().webhook().stats().unauthorized;

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"refused"_s));
    HttpProbe::Answer a = m_http.postSigned(m_h->webhookUrl(), body,
                                            WebhookPayloadBuilder::signature("not-the-app-secret", body));
    QCOMPARE(a.status, 401);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"refused"_s));
    a = m_http.post(m_h->webhookUrl(), body);
    QCOMPARE(a.status, 401);
    // A valid signature of another body (a replayed header) is as good as none.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"refused"_s));
    a = m_http.postSigned(m_h->webhookUrl(), body + ' ', sign(body));
    QCOMPARE(a.status, 401);

    QCOMPARE(m_h->service().webhook().stats().unauthorized, unauthorized + 3);
    QCOMPARE(lastStreamId(), lastId);
}

void TestServeWebhook::malformedAndOversizedBodiesAreRefused()
{
    const QByteArray lastId = lastStreamId();
    const QByteArray broken = "{\"object\":\"whatsapp_business_account\",\"entry\":[{";
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"refused"_s));
    QCOMPARE(m_http.postSigned(m_h->webhookUrl(), broken, sign(broken)).status, 400);
    const QByteArray notAnObject = "[1,2,3]";
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"refused"_s));
    QCOMPARE(m_http.postSigned(m_h->webhookUrl(), notAnObject, sign(notAnObject)).status, 400);

    // Over Meta's 3 MB: refused from the Content-Length, before the body is read or checked.
    const QByteArray huge(3 * 1024 * 1024 + 1, ' ');
    const HttpProbe::Answer a = m_http.postSigned(m_h->webhookUrl(), huge, sign(huge));
    QCOMPARE(a.status, 413);
    QCOMPARE(lastStreamId(), lastId);
}

void TestServeWebhook::healthAndMetrics()
{
    HttpProbe::Answer a = m_http.get(m_h->url(u"/health"_s));
    QCOMPARE(a.status, 200);
    const QJsonObject health = QJsonDocument::fromJson(a.body).object();
    QCOMPARE(health.value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(health.value(u"store_connected"_s).toBool(), true);
    QVERIFY(health.value(u"store"_s).toString().startsWith(u"redis"_s));
    QCOMPARE(health.value(u"stream"_s).toString(), u"m1:inbound"_s);
    QVERIFY(health.contains(u"queue_pending"_s));

    a = m_http.get(m_h->url(u"/metrics"_s));
    QCOMPARE(a.status, 200);
    const QString text = QString::fromUtf8(a.body);
    for (const QString &name : { u"m1_channel_webhook_accepted_total"_s, u"m1_pipeline_messages_total"_s,
                                 u"m1_pipeline_statuses_failed_total"_s, u"m1_pipeline_queue_length"_s,
                                 u"m1_store_round_trips_total"_s })
        QVERIFY2(text.contains(name), qPrintable(name));
}

void TestServeWebhook::bookingAcrossTurns()
{
    const QString from = phone();
    int sequence = 0;
    const auto say = [&](const std::function<void(WebhookPayloadBuilder &, const QString &)> &add) {
        const QString id = u"wamid.e2e.booking."_s + QString::number(++sequence);
        WebhookPayloadBuilder payload;
        add(payload, id);
        const qsizetype before = m_h->repliesTo(from).size();
        if (post(payload).status != 200 || !m_h->settle())
            return std::pair<std::optional<ServeHarness::Turn>, QList<QJsonObject>> {};
        return std::pair { m_h->turnFor(id), m_h->repliesTo(from).mid(before) };
    };
    auto [turn, replies] = say([&](WebhookPayloadBuilder &p, const QString &id) {
        p.text(from, u"book a pool car tomorrow 8-12"_s, id);
    });
    QVERIFY(turn);
    QCOMPARE(turn->trace.chosenToolId, u"createPoolBooking"_s);
    QCOMPARE(turn->trace.phaseAfter, u"collecting"_s);
    QCOMPARE(replies.size(), 1);

    // The missing parameters are asked one at a time.
    const QHash<QString, QString> answers { { u"locationId"_s, u"LOC-ZG-01"_s },
                                            { u"purpose"_s, u"client meeting in Split"_s } };
    int rounds = 0;
    while (turn->trace.phaseAfter == u"collecting"_s && rounds++ < 4) {
        const QString asked = turn->trace.question;
        QVERIFY2(answers.contains(asked), qPrintable(u"unexpected question for "_s + asked));
        std::tie(turn, replies) = say([&](WebhookPayloadBuilder &p, const QString &id) {
            p.text(from, answers.value(asked), id);
        });
        QVERIFY(turn);
        QCOMPARE(replies.size(), 1);
    }
    // A write waits for a confirmation with buttons, as the Graph API carries them.
    QCOMPARE(turn->trace.phaseAfter, u"confirming"_s);
    const QJsonObject interactive = replies.last().value(u"interactive"_s).toObject();
    QCOMPARE(interactive.value(u"type"_s).toString(), u"button"_s);
    QStringList ids;
    for (const QJsonValue &b : interactive.value(u"action"_s).toObject().value(u"buttons"_s).toArray())
        ids.append(b.toObject().value(u"reply"_s).toObject().value(u"id"_s).toString());
    QCOMPARE(ids, QStringList({ u"confirm"_s, u"cancel"_s }));

    std::tie(turn, replies) = say([&](WebhookPayloadBuilder &p, const QString &id) {
        p.buttonReply(from, u"confirm"_s, u"Confirm"_s, {}, id);
    });
    QVERIFY(turn);
    // Confirmed: the booking ran through the sandbox executor with what was collected.
    QCOMPARE(turn->trace.action, u"confirm"_s);
    QCOMPARE(turn->trace.chosenToolId, u"createPoolBooking"_s);
    QVERIFY2(turn->trace.httpStatus >= 200 && turn->trace.httpStatus < 300,
             qPrintable(QString::number(turn->trace.httpStatus)));
    QCOMPARE(turn->trace.request.value(u"locationId"_s).toString(), u"LOC-ZG-01"_s);
    QVERIFY(turn->trace.request.contains(u"startAt"_s));
    QCOMPARE(turn->trace.phaseAfter, u"idle"_s);
    QVERIFY(!replies.isEmpty());
}

void TestServeWebhook::redisDownAnswers503ThenRecovers()
{
    m_redis.stop();
    QVERIFY(QTest::qWaitFor([this] { return !m_h->store().isConnected(); }, 10'000));

    WebhookPayloadBuilder payload;
    const QString from = phone();
    payload.text(from, u"show the fleet utilization report"_s, u"wamid.e2e.after-outage"_s);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"503"_s));
    QCOMPARE(post(payload).status, 503);
    HttpProbe::Answer health = m_http.get(m_h->url(u"/health"_s));
    QCOMPARE(health.status, 503);
    QCOMPARE(QJsonDocument::fromJson(health.body).object().value(u"store_connected"_s).toBool(), false);

    // Meta retries the same delivery later; once Redis is back it is stored and answered.
    QString error;
    QVERIFY2(m_redis.start(&error), qPrintable(error));
    QVERIFY(QTest::qWaitFor([this] { return m_h->store().isConnected(); }, 20'000));
    QCOMPARE(post(payload).status, 200);
    QVERIFY(m_h->settle());
    QVERIFY(!m_h->repliesTo(from).isEmpty());
    QCOMPARE(m_http.get(m_h->url(u"/health"_s)).status, 200);
}

QTEST_GUILESS_MAIN(TestServeWebhook)
#include "tst_servewebhook.moc"
