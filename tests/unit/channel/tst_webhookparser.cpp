// WebhookParser on every documented message shape, statuses, several items per POST, and on
// input that is wrong in every way we could think of.

#include "channel/webhookparser.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using m1::InboundMessage;
using m1::MessageStatus;
using m1::WebhookBatch;
using m1::WebhookParser;
using m1::WebhookPayloadBuilder;

// moc misreads raw string literals (an odd quote or a '#' inside one hides the test class from
// it), so JSON in this file is written with single quotes and converted here.
static QByteArray quoted(const char *singleQuoted)
{
    QByteArray json(singleQuoted);
    json.replace('\'', '"');
    return json;
}

namespace {

// The envelope of Meta's examples around one "value" member.
QByteArray envelope(const QByteArray &value)
{
    return quoted("{'object':'whatsapp_business_account','entry':[{'id':'102290129340398','changes'"
                  ":[{'value':")
        + value + quoted(",'field':'messages'}]}]}");
}

// A value with one message, as in the documented syntax.
QByteArray oneMessage(const QByteArray &message)
{
    return envelope(quoted("{'messaging_product':'whatsapp','metadata':{'display_phone_number':'"
                           "15550783881','phone_number_id':'106540352242922'},'contacts':[{'"
                           "profile':{'name':'Sheena Nelson'},'wa_id':'16505551234'}],'messages':[")
                    + message + "]}"_ba);
}

bool hasProblemAt(const WebhookBatch &batch, const QString &pointer)
{
    for (const auto &p : batch.problems) {
        if (p.pointer == pointer)
            return true;
    }
    return false;
}

// What a parsed message says, one line: "<type>/<Meta's type> <id>" and the members its kind
// fills ("reply=id|title|description", "context=", "location=", "media=", "reaction=").
QString summary(const InboundMessage &m)
{
    QStringList parts { InboundMessage::typeName(m.type) + u'/' + m.waType, m.messageId };
    if (!m.text.isEmpty())
        parts << u"text="_s + m.text;
    if (!m.replyId.isEmpty())
        parts << u"reply="_s + m.replyId + u'|' + m.replyTitle + u'|' + m.replyDescription;
    if (!m.contextMessageId.isEmpty())
        parts << u"context="_s + m.contextMessageId;
    if (m.type == InboundMessage::Type::Location)
        parts << u"location="_s + QString::number(m.location.latitude, 'g', 14) + u','
                + QString::number(m.location.longitude, 'g', 14) + u'|' + m.location.name + u'|'
                + m.location.address;
    if (!m.mediaId.isEmpty())
        parts << u"media="_s + m.mediaId + u'|' + m.mimeType + u'|' + m.caption + u'|' + m.filename;
    if (!m.reaction.messageId.isEmpty())
        parts << u"reaction="_s + m.reaction.messageId + u'|' + m.reaction.emoji;
    return parts.join(u' ');
}

QString problems(const WebhookBatch &batch)
{
    QStringList out;
    for (const auto &p : batch.problems)
        out.append(p.toString());
    return out.join(u" | ");
}

} // namespace

class TestWebhookParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentedTextMessage()
    {
        const WebhookBatch batch = WebhookParser().parse(oneMessage(
            quoted("{'from':'16505551234','id':'wamid."
                   "HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=','timestamp':'"
                   "1749416383','type':'text','text':{'body':'Does it come in another color?'}}")));
        QVERIFY2(batch.problems.isEmpty(), qPrintable(problems(batch)));
        QVERIFY(!batch.isFatal());
        QCOMPARE(batch.messages.size(), 1);
        const InboundMessage &m = batch.messages.first();
        QCOMPARE(m.type, InboundMessage::Type::Text);
        QCOMPARE(m.messageId, u"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="_s);
        QCOMPARE(m.from, u"16505551234"_s);
        QCOMPARE(m.phoneNumberId, u"106540352242922"_s);
        QCOMPARE(m.profileName, u"Sheena Nelson"_s);
        QCOMPARE(m.timestampSec, 1749416383);
        QCOMPARE(m.text, u"Does it come in another color?"_s);
        QCOMPARE(m.waType, u"text"_s);
        const QJsonObject raw = QJsonDocument::fromJson(m.raw).object();
        QCOMPARE(raw.value("id"_L1).toString(), m.messageId);
        QCOMPARE(raw.value("text"_L1).toObject().value("body"_L1).toString(), m.text);
    }

    // Every message kind as the builder writes Meta's documented shapes (the literal example
    // above anchors the builder): what each parses to, in summary()'s words.
    void eachMessageShape_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        const QString user = u"16505551234"_s;
        const auto post = [] { return WebhookPayloadBuilder(); };
        QTest::newRow("button reply")
            << post().buttonReply(user, u"cancel-button"_s, u"Cancel"_s, u"wamid.CTX"_s, u"wamid.B1"_s).body()
            << u"button_reply/interactive wamid.B1 reply=cancel-button|Cancel| context=wamid.CTX"_s;
        QTest::newRow("list reply")
            << post()
                   .listReply(user, u"priority-express"_s, u"Express Shipping"_s, u"Next Day to 2 Days"_s,
                              u"wamid.CTX"_s, u"wamid.L1"_s)
                   .body()
            << u"list_reply/interactive wamid.L1 reply=priority-express|Express Shipping|Next Day to 2 Days "
               u"context=wamid.CTX"_s;
        QTest::newRow("template quick-reply button")
            << post().templateButton(user, u"confirm-booking-42"_s, u"Confirm"_s, u"wamid.T1"_s).body()
            << u"button_reply/button wamid.T1 text=Confirm reply=confirm-booking-42|Confirm| context=wamid.TEMPLATE"_s;
        QTest::newRow("location")
            << post()
                   .location(user, 37.44221496582, -122.16152954102, u"Philz Coffee"_s,
                             u"101 Forest Ave, Palo Alto, CA 94301"_s, u"wamid.LOC"_s)
                   .body()
            << u"location/location wamid.LOC location=37.44221496582,-122.16152954102|Philz Coffee|101 Forest "
               u"Ave, Palo Alto, CA 94301"_s;
        QTest::newRow("image")
            << post()
                   .image(user, u"1003383421387256"_s, u"image/jpeg"_s, u"Damage on the left door"_s,
                          u"wamid.IMG"_s)
                   .body()
            << u"image/image wamid.IMG media=1003383421387256|image/jpeg|Damage on the left door|"_s;
        QTest::newRow("document")
            << post()
                   .document(user, u"1003383421387999"_s, u"invoice-2024-05.pdf"_s, u"application/pdf"_s,
                             u"Invoice"_s, u"wamid.DOC"_s)
                   .body()
            << u"document/document wamid.DOC media=1003383421387999|application/pdf|Invoice|invoice-2024-05.pdf"_s;
        QTest::newRow("reaction")
            << post().reaction(user, u"wamid.OURS"_s, QString::fromUtf8("\xF0\x9F\x91\x8D"), u"wamid.RE"_s).body()
            << u"reaction/reaction wamid.RE reaction=wamid.OURS|\U0001F44D"_s;
        // A removed reaction has no emoji.
        QTest::newRow("reaction removed")
            << post().reaction(user, u"wamid.OURS"_s, {}, u"wamid.RE2"_s).body()
            << u"reaction/reaction wamid.RE2 reaction=wamid.OURS|"_s;
        // Kinds the engine does not handle arrive as Unsupported, with Meta's type kept.
        QTest::newRow("unsupported") << post().unsupported(user, u"unsupported"_s, u"wamid.U"_s).body()
                                     << u"unsupported/unsupported wamid.U"_s;
        QTest::newRow("audio") << post().unsupported(user, u"audio"_s, u"wamid.A"_s).body()
                               << u"unsupported/audio wamid.A"_s;
        QTest::newRow("sticker") << post().unsupported(user, u"sticker"_s, u"wamid.S"_s).body()
                                 << u"unsupported/sticker wamid.S"_s;
        QTest::newRow("from the future") << post().unsupported(user, u"hologram"_s, u"wamid.X"_s).body()
                                         << u"unsupported/hologram wamid.X"_s;
        const QJsonObject flow {
            { "from"_L1, user }, { "id"_L1, u"wamid.F"_s }, { "timestamp"_L1, u"1750263773"_s },
            { "type"_L1, u"interactive"_s },
            { "interactive"_L1,
              QJsonObject { { "type"_L1, u"nfm_reply"_s },
                            { "nfm_reply"_L1, QJsonObject { { "response_json"_L1, u"{}"_s },
                                                            { "body"_L1, u"Sent"_s },
                                                            { "name"_L1, u"flow"_s } } } } }
        };
        QTest::newRow("flow reply") << post().rawMessage(flow).body() << u"unsupported/interactive wamid.F"_s;
    }

    void eachMessageShape()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const WebhookBatch batch = WebhookParser().parse(body);
        QVERIFY2(batch.problems.isEmpty(), qPrintable(problems(batch)));
        QCOMPARE(batch.messages.size(), 1);
        const InboundMessage &m = batch.messages.first();
        QCOMPARE(summary(m), expected);
        QCOMPARE(m.from, u"16505551234"_s);
        QVERIFY(!m.raw.isEmpty());
    }

    void statusesIncludingFailedWithErrors()
    {
        const QByteArray body = envelope(quoted(
            "{'messaging_product':'whatsapp','metadata':{'display_phone_number':'15550783881','"
            "phone_number_id':'106540352242922'},'statuses':[ "
            "{'id':'wamid.S1','status':'sent','timestamp':'1750263773','recipient_id':'16505551234'"
            ",'conversation':{'id':'c1','expiration_timestamp':'1750350173','origin':{'type':'"
            "service'}},'pricing':{'billable':false,'pricing_model':'PMP','category':'service'}}, "
            "{'id':'wamid.S1','status':'delivered','timestamp':'1750263774','recipient_id':'"
            "16505551234'}, "
            "{'id':'wamid.S1','status':'read','timestamp':'1750263775','recipient_id':'16505551234'"
            "}, "
            "{'id':'wamid.S2','status':'failed','timestamp':'1750263776','recipient_id':'"
            "16505551234','errors':[{'code':131047,'title':'Re-engagement "
            "message','message':'Re-engagement message','error_data':{'details':'Message failed to "
            "send because more than 24 hours have passed since the customer last replied to this "
            "number.'},'href':'https://developers.facebook.com/docs/whatsapp/cloud-api/support/"
            "error-codes/'}]}, "
            "{'id':'wamid.S3','status':'played','timestamp':'1750263777','recipient_id':'"
            "16505551234'}]}"));
        const WebhookBatch batch = WebhookParser().parse(body);
        QVERIFY2(batch.problems.isEmpty(), qPrintable(problems(batch)));
        QVERIFY(batch.messages.isEmpty());
        QCOMPARE(batch.statuses.size(), 5);
        QCOMPARE(batch.statuses.at(0).status, MessageStatus::State::Sent);
        QCOMPARE(batch.statuses.at(1).status, MessageStatus::State::Delivered);
        QCOMPARE(batch.statuses.at(2).status, MessageStatus::State::Read);
        const MessageStatus &failed = batch.statuses.at(3);
        QCOMPARE(failed.status, MessageStatus::State::Failed);
        QCOMPARE(failed.messageId, u"wamid.S2"_s);
        QCOMPARE(failed.recipient, u"16505551234"_s);
        QCOMPARE(failed.phoneNumberId, u"106540352242922"_s);
        QCOMPARE(failed.timestampSec, 1750263776);
        QCOMPARE(failed.errors.size(), 1);
        QCOMPARE(failed.errors.first().code, 131047);
        QCOMPARE(failed.errors.first().title, u"Re-engagement message"_s);
        QCOMPARE(failed.errors.first().message, u"Re-engagement message"_s);
        QVERIFY(failed.errors.first().details.startsWith(
            u"Message failed to send because more than 24 hours"_s));
        QCOMPARE(batch.statuses.at(4).status, MessageStatus::State::Unknown);
        QCOMPARE(batch.statuses.at(4).statusText, u"played"_s);
    }

    void severalEntriesChangesAndMessagesEachSeparately()
    {
        WebhookPayloadBuilder builder(u"111"_s);
        builder.setProfileName(u"Ana"_s)
            .text(u"385911111111"_s, u"one"_s)
            .setProfileName(u"Bruno"_s)
            .text(u"385922222222"_s, u"two"_s)
            .nextChange(u"222"_s)
            .buttonReply(u"385911111111"_s, u"yes"_s, u"Yes"_s, u"wamid.Q"_s)
            .status(u"wamid.OUT1"_s, u"385911111111"_s, u"delivered"_s)
            .nextEntry()
            .location(u"385933333333"_s, 45.815, 15.9819, u"Zagreb"_s)
            .reaction(u"385933333333"_s, u"wamid.OUT1"_s, u"\u2764"_s)
            .failedStatus(u"wamid.OUT2"_s, u"385933333333"_s, 131026, u"Message undeliverable"_s);
        const WebhookBatch batch = WebhookParser().parse(builder.body());
        QVERIFY2(batch.problems.isEmpty(), qPrintable(problems(batch)));
        QCOMPARE(batch.messages.size(), 5);
        QCOMPARE(batch.statuses.size(), 2);
        QCOMPARE(batch.messages.at(0).text, u"one"_s);
        QCOMPARE(batch.messages.at(0).profileName, u"Ana"_s);
        QCOMPARE(batch.messages.at(1).text, u"two"_s);
        QCOMPARE(batch.messages.at(1).profileName, u"Bruno"_s);
        QCOMPARE(batch.messages.at(0).phoneNumberId, u"111"_s);
        QCOMPARE(batch.messages.at(2).phoneNumberId, u"222"_s);
        QCOMPARE(batch.messages.at(2).type, InboundMessage::Type::ButtonReply);
        QCOMPARE(batch.messages.at(3).type, InboundMessage::Type::Location);
        QCOMPARE(batch.messages.at(4).type, InboundMessage::Type::Reaction);
        QCOMPARE(batch.statuses.at(1).errors.first().code, 131026);
        QStringList ids;
        for (const auto &m : batch.messages)
            ids.append(m.messageId);
        QCOMPARE(ids, builder.messageIds());
    }

    void builderCoversEveryShape()
    {
        WebhookPayloadBuilder builder;
        builder.text(u"1"_s, u"hi"_s)
            .buttonReply(u"1"_s, u"b"_s, u"B"_s)
            .listReply(u"1"_s, u"r"_s, u"R"_s, u"d"_s)
            .templateButton(u"1"_s, u"p"_s, u"P"_s)
            .location(u"1"_s, 1.5, 2.5)
            .image(u"1"_s, u"m1"_s)
            .document(u"1"_s, u"m2"_s, u"f.pdf"_s)
            .reaction(u"1"_s, u"wamid.X"_s, u"\U0001F44D"_s)
            .unsupported(u"1"_s)
            .unsupported(u"1"_s, u"video"_s);
        const WebhookBatch batch = WebhookParser().parse(builder.body());
        QVERIFY2(batch.problems.isEmpty(), qPrintable(problems(batch)));
        using T = InboundMessage::Type;
        const QList<T> expected { T::Text,        T::ButtonReply, T::ListReply, T::ButtonReply,
                                  T::Location,    T::Image,       T::Document,  T::Reaction,
                                  T::Unsupported, T::Unsupported };
        QList<T> types;
        for (const auto &m : batch.messages)
            types.append(m.type);
        QCOMPARE(types, expected);
    }

    void toleratedOddities()
    {
        // Numeric id and timestamp, a missing timestamp, a text without body: read, noted.
        const WebhookBatch batch = WebhookParser().parse(envelope(quoted(
            "{'metadata':{'phone_number_id':106540352242922},'messages':[ "
            "{'from':16505551234,'id':'wamid.N','timestamp':1750263773,'type':'text','text':{'body'"
            ":'numbers'}}, {'from':'16505551234','id':'wamid.T','type':'text','text':{}}, "
            "{'from':'16505551234','id':'wamid.Y','timestamp':'x','type':'location','location':{'"
            "latitude':'45.5','longitude':null}}]}")));
        QCOMPARE(batch.messages.size(), 3);
        QCOMPARE(batch.messages.at(0).from, u"16505551234"_s);
        QCOMPARE(batch.messages.at(0).phoneNumberId, u"106540352242922"_s);
        QCOMPARE(batch.messages.at(0).timestampSec, 1750263773);
        QVERIFY(hasProblemAt(batch, u"/entry/0/changes/0/value/messages/0/from"_s));
        QVERIFY(hasProblemAt(batch, u"/entry/0/changes/0/value/metadata/phone_number_id"_s));
        QVERIFY(hasProblemAt(batch, u"/entry/0/changes/0/value/messages/1/timestamp"_s));
        QVERIFY(hasProblemAt(batch, u"/entry/0/changes/0/value/messages/1/text/body"_s));
        QCOMPARE(batch.messages.at(2).location.latitude, 45.5);
        QVERIFY(hasProblemAt(batch, u"/entry/0/changes/0/value/messages/2/location/longitude"_s));
        QVERIFY(hasProblemAt(batch, u"/entry/0/changes/0/value/messages/2/timestamp"_s));
        for (const auto &p : batch.problems)
            QVERIFY2(p.message.contains(u"expected"_s) || p.message.contains(u"missing"_s),
                     qPrintable(p.toString()));
    }

    void messagesWithoutIdOrSenderAreSkipped()
    {
        const WebhookBatch batch = WebhookParser().parse(
            envelope(quoted("{'metadata':{'phone_number_id':'1'},'messages':[ "
                            "{'from':'1','timestamp':'1','type':'text','text':{'body':'no id'}}, "
                            "{'id':'wamid.NOFROM','timestamp':'1','type':'text','text':{'body':'no "
                            "sender'}}, 'not an object', 42, "
                            "{'from':'1','id':'wamid.OK','timestamp':'1','type':'text','text':{'"
                            "body':'fine'}}]}")));
        QCOMPARE(batch.messages.size(), 1);
        QCOMPARE(batch.messages.first().messageId, u"wamid.OK"_s);
        QVERIFY(hasProblemAt(batch, u"/entry/0/changes/0/value/messages/0/id"_s));
        QVERIFY(hasProblemAt(batch, u"/entry/0/changes/0/value/messages/1/from"_s));
        QVERIFY(hasProblemAt(batch, u"/entry/0/changes/0/value/messages/2"_s));
        QVERIFY(hasProblemAt(batch, u"/entry/0/changes/0/value/messages/3"_s));
    }

    void otherFieldsAndObjectsAreIgnored()
    {
        const WebhookBatch other = WebhookParser().parse(
            quoted("{'object':'whatsapp_business_account','entry':[{'id':'1','changes':[{'field':'"
                   "message_template_status_update','value':{'event':'APPROVED'}}]}]}"));
        QVERIFY(!other.isFatal());
        QVERIFY(other.isEmpty());
        QVERIFY(hasProblemAt(other, u"/entry/0/changes/0/field"_s));

        const WebhookBatch page = WebhookParser().parse(
            quoted("{'object':'page','entry':[{'id':'1','changes':[{'field':'messages','value':{'"
                   "metadata':{'phone_number_id':'1'},'messages':[{'from':'1','id':'wamid.P','"
                   "timestamp':'1','type':'text','text':{'body':'x'}}]}}]}]}"));
        QVERIFY(!page.isFatal());
        QVERIFY(page.isEmpty());
        QVERIFY(hasProblemAt(page, u"/object"_s));
    }

    void wrongShapesBecomeProblems_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("entry not array")
            << quoted("{'object':'whatsapp_business_account','entry':{}}") << u"/entry"_s;
        QTest::newRow("entry missing")
            << quoted("{'object':'whatsapp_business_account'}") << u"/entry"_s;
        QTest::newRow("changes not array")
            << quoted("{'object':'whatsapp_business_account','entry':[{'changes':'x'}]}")
            << u"/entry/0/changes"_s;
        QTest::newRow("entry item not object")
            << quoted("{'object':'whatsapp_business_account','entry':[7]}") << u"/entry/0"_s;
        QTest::newRow("change not object")
            << quoted("{'object':'whatsapp_business_account','entry':[{'changes':[null]}]}")
            << u"/entry/0/changes/0"_s;
        QTest::newRow("value missing") << quoted(
            "{'object':'whatsapp_business_account','entry':[{'changes':[{'field':'messages'}]}]}")
                                       << u"/entry/0/changes/0/value"_s;
        QTest::newRow("messages not array")
            << envelope(quoted("{'metadata':{'phone_number_id':'1'},'messages':{}}"))
            << u"/entry/0/changes/0/value/messages"_s;
        QTest::newRow("statuses not array")
            << envelope(quoted("{'metadata':{'phone_number_id':'1'},'statuses':'x'}"))
            << u"/entry/0/changes/0/value/statuses"_s;
        QTest::newRow("metadata missing")
            << envelope(quoted("{'messages':[]}")) << u"/entry/0/changes/0/value/metadata"_s;
        QTest::newRow("interactive not object")
            << oneMessage(quoted(
                   "{'from':'1','id':'w','timestamp':'1','type':'interactive','interactive':[]}"))
            << u"/entry/0/changes/0/value/messages/0/interactive"_s;
        QTest::newRow("status errors not array")
            << envelope(quoted("{'metadata':{'phone_number_id':'1'},'statuses':[{'id':'w','status':"
                               "'failed','timestamp':'1','errors':{}}]}"))
            << u"/entry/0/changes/0/value/statuses/0/errors"_s;
        QTest::newRow("meta errors in value")
            << envelope(quoted("{'metadata':{'phone_number_id':'1'},'errors':[{'code':131000,'"
                               "title':'Something went wrong'}]}"))
            << u"/entry/0/changes/0/value/errors"_s;
    }

    void wrongShapesBecomeProblems()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, pointer);
        const WebhookBatch batch = WebhookParser().parse(body);
        QVERIFY(!batch.isFatal());
        QVERIFY2(hasProblemAt(batch, pointer), qPrintable(problems(batch)));
    }

    void garbageIsFatalNotACrash_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << "hello"_ba;
        QTest::newRow("truncated") << quoted("{'object':'whatsapp_business_account','entry':[");
        QTest::newRow("array") << "[1,2,3]"_ba;
        QTest::newRow("string") << quoted("'whatsapp_business_account'");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{\x01", 5);
        QTest::newRow("deep arrays") << QByteArray(100000, '[') + QByteArray(100000, ']');
        QByteArray deepObjects;
        for (int i = 0; i < 40; ++i)
            deepObjects += quoted("{'a':");
        deepObjects += "1"_ba + QByteArray(40, '}');
        QTest::newRow("deep objects") << deepObjects;
    }

    void garbageIsFatalNotACrash()
    {
        QFETCH(QByteArray, body);
        const WebhookBatch batch = WebhookParser().parse(body);
        QVERIFY(batch.isFatal());
        QVERIFY(batch.isEmpty());
    }

    void sizeAndDepthLimits()
    {
        WebhookParser::Limits limits;
        limits.maxBytes = 100;
        limits.maxDepth = 3;
        const WebhookParser parser(limits);
        QVERIFY(parser.parse(QByteArray(101, ' ')).fatalError.contains(u"limit"_s));
        QVERIFY(!parser.parse(quoted("{'a':[{'b':1}]}")).isFatal());
        QVERIFY(parser.parse(quoted("{'a':[{'b':[1]}]}")).fatalError.contains(u"nested"_s));
        // Brackets inside strings do not count, escaped quotes do not end a string.
        QCOMPARE(WebhookParser::nestingDepth(quoted("{'a':'[[[{{{\\'[[['}"), 10), 1);
        QCOMPARE(WebhookParser::nestingDepth("[[[[[[", 3), 4);
        QCOMPARE(WebhookParser::nestingDepth("", 3), 0);
    }

    void tooManyProblemsAreSummarised()
    {
        QByteArray messages;
        for (int i = 0; i < 300; ++i)
            messages += (i ? ","_ba : QByteArray()) + "1"_ba;
        const WebhookBatch batch = WebhookParser().parse(envelope(
            quoted("{'metadata':{'phone_number_id':'1'},'messages':[") + messages + "]}"_ba));
        QCOMPARE(batch.problems.size(), 101);
        QVERIFY(batch.problems.last().message.contains(u"200 more problems"_s));
    }

    void mutatedPayloadsNeverCrash()
    {
        // A cheap in-process fuzz pass: truncations and random byte edits of a rich payload.
        // The property is only that parsing returns; anything it returns must be consistent.
        const QByteArray seed
            = WebhookPayloadBuilder()
                  .text(u"1"_s, u"hi"_s)
                  .listReply(u"1"_s, u"r"_s, u"R"_s, u"d"_s, u"wamid.C"_s)
                  .location(u"2"_s, 1.5, 2.5, u"n"_s, u"a"_s)
                  .failedStatus(u"wamid.F"_s, u"2"_s, 131047, u"Re-engagement message"_s, u"d"_s)
                  .body();
        const WebhookParser parser;
        for (qsizetype n = 0; n <= seed.size(); n += 3)
            (void)parser.parse(seed.left(n));
        QRandomGenerator random(20240501);
        const QByteArray alphabet = quoted("{}[]',:0123456789.-eE truefalsnul\\");
        int readable = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray body = seed;
            const int edits = 1 + int(random.bounded(4));
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = random.bounded(int(body.size()));
                switch (random.bounded(3)) {
                case 0:
                    body[at] = alphabet.at(random.bounded(int(alphabet.size())));
                    break;
                case 1:
                    body.remove(at, 1 + random.bounded(8));
                    break;
                default:
                    body.insert(at, alphabet.at(random.bounded(int(alphabet.size()))));
                    break;
                }
            }
            const WebhookBatch batch = parser.parse(body);
            if (!batch.isFatal())
                ++readable;
            for (const auto &m : batch.messages)
                QVERIFY(!m.messageId.isEmpty() && !m.from.isEmpty());
            for (const auto &s : batch.statuses)
                QVERIFY(!s.messageId.isEmpty());
        }
        QVERIFY(readable > 0); // some edits land in strings and keep the JSON valid
    }
};

QTEST_GUILESS_MAIN(TestWebhookParser)
#include "tst_webhookparser.moc"
