// The compact JSON records of InboundMessage and MessageStatus round-trip exactly.

#include "channel/inboundmessage.h"
#include "channel/messagestatus.h"
#include "channel/webhookparser.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using m1::InboundMessage;
using m1::MessageStatus;

// moc misreads raw string literals (an odd quote or a '#' inside one hides the test class from
// it), so JSON in this file is written with single quotes and converted here.
static QByteArray quoted(const char *singleQuoted)
{
    QByteArray json(singleQuoted);
    json.replace('\'', '"');
    return json;
}

namespace {

InboundMessage everything()
{
    InboundMessage m;
    m.messageId = u"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="_s;
    m.phoneNumberId = u"106540352242922"_s;
    m.from = u"385911234567"_s;
    m.profileName = u"Ivana Horvat \u010C\u0107\u017E"_s;
    m.timestampSec = 1749416383;
    m.type = InboundMessage::Type::Location;
    m.waType = u"location"_s;
    m.text = u"line 1\nline 2\t\"quoted\" \\ back \u0001 ctl \U0001F697"_s;
    m.replyId = u"row-1"_s;
    m.replyTitle = u"Title"_s;
    m.replyDescription = u"Desc"_s;
    m.location = { 45.81500000000001, -15.981919, u"Zagreb"_s, u"Trg bana Jela\u010Di\u0107a 1"_s };
    m.mediaId = u"1003383421387256"_s;
    m.mimeType = u"image/jpeg"_s;
    m.caption = u"cap"_s;
    m.filename = u"f.pdf"_s;
    m.reaction = { u"wamid.R"_s, u"\U0001F44D"_s };
    m.contextMessageId = u"wamid.CTX"_s;
    m.raw = quoted(
        "{'from':'385911234567','id':'wamid.X','text':{'body':'a \\'b\\''},'type':'text'}");
    return m;
}

} // namespace

class TestInboundRecordJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFieldRoundTrips()
    {
        const InboundMessage m = everything();
        const QByteArray json = m.toJson();
        QVERIFY(!json.contains('\n')); // compact: one stream field, one line in logs
        QString error;
        const auto back = InboundMessage::fromJson(json, &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QCOMPARE(back->messageId, m.messageId);
        QCOMPARE(back->location.latitude, m.location.latitude);
        QCOMPARE(back->text, m.text);
        QCOMPARE(back->raw, m.raw);
        QVERIFY(*back == m);
        // A second trip gives the same bytes.
        QCOMPARE(back->toJson(), json);
        // And it is ordinary JSON.
        QVERIFY(QJsonDocument::fromJson(json).isObject());
    }

    void eachTypeRoundTrips_data()
    {
        QTest::addColumn<int>("type");
        for (int t = 0; t <= int(InboundMessage::Type::Unsupported); ++t)
            QTest::newRow(qPrintable(InboundMessage::typeName(InboundMessage::Type(t)))) << t;
    }

    void eachTypeRoundTrips()
    {
        QFETCH(int, type);
        InboundMessage m;
        m.messageId = u"wamid.1"_s;
        m.type = InboundMessage::Type(type);
        const auto back = InboundMessage::fromJson(m.toJson());
        QVERIFY(back.has_value());
        QVERIFY(*back == m);
        QCOMPARE(InboundMessage::typeFromName(InboundMessage::typeName(m.type)), m.type);
    }

    void parsedMessagesRoundTrip()
    {
        const QByteArray body = m1::WebhookPayloadBuilder()
                                    .text(u"1"_s, u"hi"_s)
                                    .listReply(u"1"_s, u"r"_s, u"R"_s, u"d"_s, u"wamid.C"_s)
                                    .location(u"2"_s, 0.1 + 0.2, -1e-7, u"n"_s)
                                    .image(u"3"_s, u"m"_s, u"image/png"_s, u"c"_s)
                                    .reaction(u"3"_s, u"wamid.Z"_s, QString())
                                    .body();
        const auto batch = m1::WebhookParser().parse(body);
        QCOMPARE(batch.messages.size(), 5);
        for (const InboundMessage &m : batch.messages) {
            const auto back = InboundMessage::fromJson(m.toJson());
            QVERIFY(back.has_value());
            QVERIFY2(*back == m, m.toJson().constData());
        }
    }

    void emptyFieldsAreLeftOut()
    {
        InboundMessage m;
        m.messageId = u"wamid.1"_s;
        m.type = InboundMessage::Type::Text;
        m.text = u"hi"_s;
        QCOMPARE(m.toJson(), quoted("{'v':1,'id':'wamid.1','type':'text','text':'hi'}"));
    }

    void badRecordsAreRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << "{"_ba << u"not JSON"_s;
        QTest::newRow("array") << "[]"_ba << u"object"_s;
        QTest::newRow("no version") << quoted("{'id':'w','type':'text'}") << u"version"_s;
        QTest::newRow("future version") << quoted("{'v':2,'id':'w','type':'text'}") << u"version"_s;
        QTest::newRow("no id") << quoted("{'v':1,'type':'text'}") << u"/id"_s;
        QTest::newRow("unknown type") << quoted("{'v':1,'id':'w','type':'video'}") << u"/type"_s;
    }

    void badRecordsAreRefusedWithAReason()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!InboundMessage::fromJson(json, &error).has_value());
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void statusRoundTrips()
    {
        MessageStatus s;
        s.messageId = u"wamid.S"_s;
        s.recipient = u"385911234567"_s;
        s.phoneNumberId = u"1065"_s;
        s.status = MessageStatus::State::Failed;
        s.statusText = u"failed"_s;
        s.timestampSec = 1750263776;
        s.errors = { { 131047, u"Re-engagement message"_s, u"Re-engagement message"_s,
                       u"more than 24 hours"_s },
                     { 131026, u"Undeliverable"_s, {}, {} } };
        auto back = MessageStatus::fromJson(s.toJson());
        QVERIFY(back.has_value());
        QVERIFY(*back == s);

        // A state the enum does not know keeps Meta's text; an empty text survives too.
        s.status = MessageStatus::State::Unknown;
        s.statusText = u"played"_s;
        s.errors.clear();
        back = MessageStatus::fromJson(s.toJson());
        QVERIFY(back.has_value());
        QVERIFY(*back == s);
        s.statusText.clear();
        back = MessageStatus::fromJson(s.toJson());
        QVERIFY(back.has_value());
        QVERIFY(*back == s);
        QVERIFY(!MessageStatus::fromJson(quoted("{'v':1}")).has_value());
    }

    void speed()
    {
        // Measured, not asserted: the machine is shared. Printed for the report.
        const InboundMessage m = everything();
        const QByteArray json = m.toJson();
        constexpr int rounds = 20000;
        QElapsedTimer timer;
        timer.start();
        qsizetype bytes = 0;
        for (int i = 0; i < rounds; ++i)
            bytes += m.toJson().size();
        const double encodeUs = double(timer.nsecsElapsed()) / rounds / 1000.0;
        timer.restart();
        int ok = 0;
        for (int i = 0; i < rounds; ++i)
            ok += InboundMessage::fromJson(json).has_value() ? 1 : 0;
        const double decodeUs = double(timer.nsecsElapsed()) / rounds / 1000.0;
        QCOMPARE(ok, rounds);
        QVERIFY(bytes > 0);
        // The same record through QJsonDocument, in the same conditions, for comparison.
        timer.restart();
        for (int i = 0; i < rounds; ++i)
            bytes += QJsonDocument(QJsonDocument::fromJson(json).object())
                         .toJson(QJsonDocument::Compact)
                         .size();
        const double qtRoundTripUs = double(timer.nsecsElapsed()) / rounds / 1000.0;
        qInfo("InboundMessage record of %lld bytes: toJson %.2f us, fromJson %.2f us "
              "(QJsonDocument parse+write of the same record: %.2f us)",
              qlonglong(json.size()), encodeUs, decodeUs, qtRoundTripUs);
    }
};

QTEST_GUILESS_MAIN(TestInboundRecordJson)
#include "tst_inboundrecordjson.moc"
