// What the SQL message log keeps of the pipeline's traffic: an incoming message with its turn's
// tool and time, a reply under its wamid with its text or a summary of what could be tapped,
// a failed send under an "unsent" id with a failed status carrying the Graph code, and Meta's
// statuses with their error codes.

#include "agent/turntrace.h"
#include "channel/inboundmessage.h"
#include "channel/messagestatus.h"
#include "facade/pipelinelogentries.h"
#include "pipeline/sentreply.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

SentReply sent(const OutboundMessage &message, const QString &wamid)
{
    SentReply r;
    r.message = message;
    r.result.ok = !wamid.isEmpty();
    r.result.wamid = wamid;
    r.inReplyTo = u"wamid.IN1"_s;
    r.toolId = u"createPoolBooking"_s;
    r.latencyMs = 42;
    r.index = 1;
    return r;
}

} // namespace

class tst_PipelineLogEntries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void incomingCarriesTheTurnsToolAndTime()
    {
        InboundMessage m;
        m.messageId = u"wamid.IN1"_s;
        m.from = u"385911234567"_s;
        m.type = InboundMessage::Type::Text;
        m.waType = u"text"_s;
        m.text = u"book a pool car"_s;
        TurnTrace t;
        t.chosenToolId = u"createPoolBooking"_s;
        t.totalUs = 7'900;
        QCOMPARE(
            PipelineLogEntries::incoming(m, t, 1000),
            (MessageLogEntry { u"wamid.IN1"_s, u"385911234567"_s, MessageLogEntry::Direction::In,
                               u"book a pool car"_s, u"createPoolBooking"_s, 7, 1000 }));

        m.type = InboundMessage::Type::ButtonReply;
        m.waType = u"interactive"_s;
        m.replyId = u"confirm"_s;
        m.replyTitle = u"Confirm"_s;
        QCOMPARE(PipelineLogEntries::incoming(m, t, 1000).text, u"Confirm"_s);
        m.type = InboundMessage::Type::Image;
        m.waType = u"image"_s;
        m.caption = u"the dent"_s;
        QCOMPARE(PipelineLogEntries::incoming(m, t, 1000).text, u"[image] the dent"_s);
    }

    void replyIsLoggedUnderItsWamid()
    {
        const SentReply r
            = sent(OutboundMessage::textMessage(u"385911234567"_s, u"Booked."_s), u"wamid.OUT7"_s);
        QCOMPARE(
            PipelineLogEntries::outgoing(r, 2000),
            (MessageLogEntry { u"wamid.OUT7"_s, u"385911234567"_s, MessageLogEntry::Direction::Out,
                               u"Booked."_s, u"createPoolBooking"_s, 42, 2000 }));
        QVERIFY(!PipelineLogEntries::sendFailure(r, 2000));
    }

    void interactiveRepliesAreSummarised()
    {
        const OutboundMessage buttons = OutboundMessage::buttonsMessage(
            u"1"_s, u"Book it?"_s, { { u"confirm"_s, u"Yes"_s }, { u"cancel"_s, u"No"_s } });
        QCOMPARE(PipelineLogEntries::summary(buttons), u"Book it? [Yes | No]"_s);
        OutboundMessage::ListSpec list;
        list.buttonText = u"Choose"_s;
        list.sections
            = { { u"Zagreb"_s, { { u"a"_s, u"ZG-1"_s, u"Golf"_s }, { u"b"_s, u"ZG-2"_s, {} } } },
                { u"Split"_s, { { u"c"_s, u"ST-1"_s, {} } } } };
        QCOMPARE(PipelineLogEntries::summary(
                     OutboundMessage::listMessage(u"1"_s, u"Which car?"_s, list)),
                 u"Which car? [Choose: ZG-1 | ZG-2 | ST-1]"_s);
    }

    void failedSendIsLoggedAsUnsentWithItsCode()
    {
        SentReply r
            = sent(OutboundMessage::textMessage(u"385911234567"_s, u"Booked."_s), QString());
        r.result.errorCode = 131047;
        r.result.errorMessage = u"the 24-hour window is closed"_s;
        const MessageLogEntry out = PipelineLogEntries::outgoing(r, 2000);
        QCOMPARE(out.messageId, u"unsent.wamid.IN1.1"_s);
        QCOMPARE(out.direction, MessageLogEntry::Direction::Out);
        const std::optional<MessageStatusEntry> failed = PipelineLogEntries::sendFailure(r, 2000);
        QVERIFY(failed);
        QCOMPARE(*failed,
                 (MessageStatusEntry { u"unsent.wamid.IN1.1"_s, u"385911234567"_s, u"failed"_s,
                                       131047, u"the 24-hour window is closed"_s, 2000 }));
    }

    void metaStatusesKeepTheirCodeAndTime()
    {
        MessageStatus s;
        s.messageId = u"wamid.OUT7"_s;
        s.recipient = u"385911234567"_s;
        s.status = MessageStatus::State::Failed;
        s.timestampSec = 1'750'263'776;
        s.errors = { { 131026, u"Message undeliverable"_s, u"Message undeliverable"_s, {} } };
        const MessageStatusEntry e = PipelineLogEntries::status(s, 5);
        QCOMPARE(e.status, u"failed"_s);
        QCOMPARE(e.errorCode, 131026);
        QVERIFY2(e.errorText.contains(u"131026"_s), qPrintable(e.errorText));
        QCOMPARE(e.timeMs, 1'750'263'776'000);

        s.status = MessageStatus::State::Unknown;
        s.statusText = u"played"_s;
        s.errors.clear();
        s.timestampSec = 0;
        const MessageStatusEntry played = PipelineLogEntries::status(s, 5);
        QCOMPARE(played.status, u"played"_s);
        QCOMPARE(played.errorCode, 0);
        QCOMPARE(played.timeMs, 5);
    }
};

QTEST_GUILESS_MAIN(tst_PipelineLogEntries)
#include "tst_pipelinelogentries.moc"
