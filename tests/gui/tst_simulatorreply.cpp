// The simulator over a real engine: a typed message goes through the engine's queue and
// workers, the bot's reply appears in the chat and the turn's trace is filled in. (What the bot
// answers depends on search and planner; this checks that whatever happened is shown.)

#include "simulatorwindow.h"
#include "widgets/chatbubble.h"
#include "widgets/chatview.h"
#include "widgets/traceview.h"

#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

QTreeWidgetItem *section(QTreeWidget *tree, const QString &title)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == title)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

QTreeWidgetItem *child(QTreeWidgetItem *parent, const QString &name)
{
    for (int i = 0; parent && i < parent->childCount(); ++i) {
        if (parent->child(i)->text(0) == name)
            return parent->child(i);
    }
    return nullptr;
}

} // namespace

class TestSimulatorReply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheReplyAndFillsTheTrace()
    {
        m1::test::SimulatorWindow sim(u"tst_simulatorreply"_s);
        QVERIFY(sim.isValid());
        m1::SimulatorPanel *panel = sim.open();
        QSignalSpy turns(panel, &m1::SimulatorPanel::turnShown);
        QSignalSpy replies(&sim.controller(), &m1::EngineController::simulatorReplied);
        sim.controller().start();

        // Sent before the engine has loaded: the simulator holds it until its workers run.
        const QString said = u"Create a pool booking for tomorrow from 8 to 12"_s;
        panel->sendText(said);
        QCOMPARE(panel->chat()->bubbles().size(), 1);
        QVERIFY(panel->chat()->bubbles().constFirst()->isFromUser());

        QTRY_COMPARE_WITH_TIMEOUT(turns.count(), 1, 60'000);
        const auto turn = turns.constFirst().constFirst().value<m1::SimulatorTurn>();
        QCOMPARE(turn.message.text, said);
        QCOMPARE(turn.message.from, panel->profile().phone);
        QVERIFY(!turn.trace.action.isEmpty());
        QVERIFY2(!turn.trace.candidates.isEmpty(), "search ran and offered candidates");
        // One round trip to load the turn, one to reserve its replies (so a delivery reclaimed
        // after a crash cannot send them twice), one to save and acknowledge it.
        QCOMPARE(turn.storeRoundTrips, 3u);
        QVERIFY(turn.storeCommands >= 2);
        QVERIFY(turn.endToEndUs > 0);

        // The reply, in the chat after the user's message, as the bot sent it.
        QVERIFY(!replies.isEmpty());
        const auto sent = replies.constLast().constFirst().value<m1::OutboundMessage>();
        const QList<m1::ChatBubble *> bubbles = panel->chat()->bubbles();
        QCOMPARE(bubbles.size(), 1 + replies.count());
        QVERIFY(!bubbles.constLast()->isFromUser());
        QCOMPARE(bubbles.constLast()->text(), sent.text);
        QVERIFY(!sent.text.isEmpty());

        // The trace view shows that turn, step by step.
        QCOMPARE(panel->trace()->turnCount(), 1);
        QTreeWidget *tree = panel->trace()->details();
        QTreeWidgetItem *plan = section(tree, u"Planner decision"_s);
        QVERIFY(plan);
        QCOMPARE(plan->text(1), turn.trace.action);
        QCOMPARE(child(plan, u"Phase"_s)->text(1), turn.trace.phaseBefore + u" → "_s + turn.trace.phaseAfter);
        QTreeWidgetItem *candidates = section(tree, u"Candidates"_s);
        QVERIFY(candidates);
        QCOMPARE(candidates->childCount(), turn.trace.candidates.size());
        const m1::TurnTrace::Candidate &best = turn.trace.candidates.constFirst();
        QCOMPARE(candidates->child(0)->text(0), best.toolId);
        QCOMPARE(candidates->child(0)->text(1), QString::number(double(best.score), 'f', 3));
        QTreeWidgetItem *parameters = section(tree, u"Parameters"_s);
        QVERIFY(parameters);
        QCOMPARE(parameters->childCount(), turn.trace.parameters.size());
        if (!turn.trace.question.isEmpty())
            QCOMPARE(section(tree, u"Question asked"_s)->text(1), turn.trace.question);
        QTreeWidgetItem *redis = section(tree, u"Redis"_s);
        QVERIFY(redis);
        QCOMPARE(child(redis, u"Commands"_s)->text(1), QString::number(turn.storeCommands));
        QCOMPARE(child(redis, u"Round trips"_s)->text(1), u"3"_s);
        QTreeWidgetItem *timings = section(tree, u"Timings"_s);
        QVERIFY(timings);
        QVERIFY(child(timings, u"Search"_s));
        QVERIFY(child(timings, u"Queue to end of turn"_s));
    }
};

QTEST_MAIN(TestSimulatorReply)
#include "tst_simulatorreply.moc"
