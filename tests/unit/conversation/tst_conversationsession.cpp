// ConversationSession: the state machine's allowed moves, and write-behind bookkeeping (many
// changes in a turn, one save).

#include "conversation/conversationsession.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

ConversationSession fresh()
{
    return ConversationSession(u"385991234567"_s, ConversationState {}, ConversationHistory(5),
                               false, 1000);
}

} // namespace

class tst_ConversationSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeRequestFlow()
    {
        ConversationSession s = fresh();
        QVERIFY(!s.isStateDirty());
        QVERIFY(s.offerCandidates({ u"bookPoolVehicle"_s, u"listVehicles"_s }));
        QCOMPARE(s.state().phase, ConversationPhase::ChoosingCandidate);
        QVERIFY(s.chooseTool(u"bookPoolVehicle"_s, { u"plate"_s, u"from"_s }));
        QCOMPARE(s.state().phase, ConversationPhase::CollectingParameters);
        QVERIFY(s.state().candidates.isEmpty());
        QVERIFY(!s.requestConfirmation(u"?"_s)); // parameters still missing
        QVERIFY(s.fillParameter(u"plate"_s, u"ZG-1"_s, ParameterSource::UserProfile, u"vehicle"_s));
        QCOMPARE(s.state().missing, QStringList { u"from"_s });
        QVERIFY(!s.startExecuting());
        QVERIFY(s.fillParameter(u"from"_s, u"8:00"_s, ParameterSource::UserAnswer));
        QVERIFY(s.requestConfirmation(u"Book ZG-1 at 8:00?"_s));
        QCOMPARE(s.state().phase, ConversationPhase::AwaitingConfirmation);
        QVERIFY(s.startExecuting());
        QCOMPARE(s.state().phase, ConversationPhase::Executing);
        QVERIFY(!s.fillParameter(u"from"_s, u"9:00"_s, ParameterSource::UserAnswer)); // too late
        QVERIFY(!s.offerCandidates({ u"x"_s })); // finish first
        s.finish();
        QVERIFY(s.state().isIdle());
        QVERIFY(s.state().filled.isEmpty());
        QCOMPARE(s.state().updatedAtMs, 1000);
    }

    void changingAnswerReopensConfirmation()
    {
        ConversationSession s = fresh();
        QVERIFY(s.chooseTool(u"t"_s, { u"a"_s }));
        QVERIFY(s.fillParameter(u"a"_s, 1, ParameterSource::Message));
        QVERIFY(s.requestConfirmation(u"ok?"_s));
        QVERIFY(s.fillParameter(u"a"_s, 2, ParameterSource::UserAnswer));
        QCOMPARE(s.state().phase, ConversationPhase::CollectingParameters);
        QVERIFY(s.state().confirmationPrompt.isEmpty());
        QCOMPARE(s.state().filled.value(u"a"_s).source, ParameterSource::UserAnswer);
    }

    void choosingKeepsWhatIsKnownForTheSameTool()
    {
        ConversationSession s = fresh();
        QVERIFY(s.fillParameter(u"plate"_s, u"ZG-1"_s,
                                ParameterSource::Message)); // said before the tool was clear
        QVERIFY(s.chooseTool(u"t"_s, { u"plate"_s, u"km"_s }));
        QCOMPARE(s.state().missing, QStringList { u"km"_s });
        QVERIFY(s.chooseTool(u"other"_s, { u"plate"_s }));
        QCOMPARE(s.state().missing, QStringList { u"plate"_s }); // another tool starts clean
    }

    void writeBehindCoalesces()
    {
        ConversationSession s = fresh();
        s.setLanguage(u"hr"_s);
        s.chooseTool(u"t"_s, { u"a"_s, u"b"_s });
        s.fillParameter(u"a"_s, 1, ParameterSource::Message);
        s.fillParameter(u"b"_s, 2, ParameterSource::Message);
        s.addUserMessage(u"hi"_s, u"wamid.1"_s);
        s.addBotMessage(u"hello"_s);
        QVERIFY(s.isStateDirty());
        QCOMPARE(s.pendingChanges(), 4);
        QCOMPARE(s.newMessageCount(), 2);
        s.markSaved();
        QVERIFY(!s.isStateDirty());
        QVERIFY(!s.hasNewMessages());
        QVERIFY(s.hadStoredState());
        s.setLanguage(u"hr"_s); // no change, nothing to write
        QVERIFY(!s.isStateDirty());
    }

    void finishedStateIsNoLongerStored()
    {
        ConversationState open;
        open.phase = ConversationPhase::CollectingParameters;
        open.toolId = u"t"_s;
        ConversationSession s(u"1"_s, open, ConversationHistory(5), true, 0);
        s.finish();
        QVERIFY(s.state().isBlank());
        s.markSaved();
        QVERIFY(!s.hadStoredState());
    }
};

QTEST_GUILESS_MAIN(tst_ConversationSession)
#include "tst_conversationsession.moc"
