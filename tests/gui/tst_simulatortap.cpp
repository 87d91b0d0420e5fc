// Tapping a reply button or a list row the bot sent, in the simulator's chat, sends a
// button_reply / list_reply message through the engine's queue and workers, as WhatsApp would.
// The bot's interactive messages are put in the chat directly (what the engine would answer
// depends on its search and planner); the taps then go through the real engine.

#include "simulatorwindow.h"
#include "widgets/chatbubble.h"
#include "widgets/chatview.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QPushButton *offered(const m1::ChatBubble *bubble, const QString &replyId)
{
    for (QPushButton *b : bubble->findChildren<QPushButton *>()) {
        if (b->property("replyId").toString() == replyId)
            return b;
    }
    return nullptr;
}

} // namespace

class TestSimulatorTap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tappingAButtonOrRowSendsTheReply()
    {
        m1::test::SimulatorWindow sim(u"tst_simulatortap"_s);
        QVERIFY(sim.isValid());
        m1::SimulatorPanel *panel = sim.open();
        QSignalSpy turns(panel, &m1::SimulatorPanel::turnShown);
        QSignalSpy sent(panel, &m1::SimulatorPanel::sendRequested);
        sim.controller().start();
        const QString phone = panel->profile().phone;

        // A buttons message from the bot: tap "Confirm".
        panel->showReply(m1::OutboundMessage::buttonsMessage(
                phone, u"Please confirm: book ZG-1234-AB tomorrow 8–12?"_s,
                {{u"confirm"_s, u"Confirm"_s}, {u"cancel"_s, u"Cancel"_s}}));
        QTRY_COMPARE(panel->chat()->bubbles().size(), 1);
        QPushButton *confirm = offered(panel->chat()->bubbles().constLast(), u"confirm"_s);
        QVERIFY(confirm);
        QCOMPARE(confirm->text(), u"Confirm"_s);
        QTest::mouseClick(confirm, Qt::LeftButton);

        QCOMPARE(sent.count(), 1);
        const auto button = sent.constLast().constFirst().value<m1::InboundMessage>();
        QCOMPARE(button.type, m1::InboundMessage::Type::ButtonReply);
        QCOMPARE(button.waType, u"interactive"_s);
        QCOMPARE(button.replyId, u"confirm"_s);
        QCOMPARE(button.replyTitle, u"Confirm"_s);
        QCOMPARE(button.from, phone);
        QVERIFY(panel->chat()->bubbles().constLast()->isFromUser()); // shown as the user's
        QCOMPARE(panel->chat()->bubbles().constLast()->text(), u"Confirm"_s);
        // The engine ran a turn for exactly that reply.
        QTRY_COMPARE_WITH_TIMEOUT(turns.count(), 1, 60'000);
        const auto buttonTurn = turns.constLast().constFirst().value<m1::SimulatorTurn>();
        QCOMPARE(buttonTurn.message.messageId, button.messageId);
        QCOMPARE(buttonTurn.message.type, m1::InboundMessage::Type::ButtonReply);
        QCOMPARE(buttonTurn.message.replyId, u"confirm"_s);

        // A list from the bot: tap the "Business" row.
        m1::OutboundMessage::ListSpec list;
        list.buttonText = u"Choose"_s;
        list.sections = {{QString(),
                          {{u"business"_s, u"Business"_s, u"A trip for work"_s},
                           {u"private"_s, u"Private"_s, QString()}}}};
        const qsizetype before = panel->chat()->bubbles().size();
        panel->showReply(m1::OutboundMessage::listMessage(phone, u"Purpose?"_s, list));
        QTRY_COMPARE(panel->chat()->bubbles().size(), before + 1);
        QPushButton *row = offered(panel->chat()->bubbles().constLast(), u"business"_s);
        QVERIFY(row);
        QTest::mouseClick(row, Qt::LeftButton);

        QCOMPARE(sent.count(), 2);
        const auto listReply = sent.constLast().constFirst().value<m1::InboundMessage>();
        QCOMPARE(listReply.type, m1::InboundMessage::Type::ListReply);
        QCOMPARE(listReply.replyId, u"business"_s);
        QCOMPARE(listReply.replyTitle, u"Business"_s);
        QCOMPARE(listReply.replyDescription, u"A trip for work"_s);
        QTRY_COMPARE_WITH_TIMEOUT(turns.count(), 2, 30'000);
        const auto listTurn = turns.constLast().constFirst().value<m1::SimulatorTurn>();
        QCOMPARE(listTurn.message.messageId, listReply.messageId);
        QCOMPARE(listTurn.message.type, m1::InboundMessage::Type::ListReply);
        QCOMPARE(listTurn.message.replyId, u"business"_s);
        QVERIFY(listTurn.message.messageId != buttonTurn.message.messageId);
    }
};

QTEST_MAIN(TestSimulatorTap)
#include "tst_simulatortap.moc"
