// ConversationState: compact JSON that survives a round trip, and clear errors for blobs that
// are not a state (a damaged record must never crash a turn).

#include "conversation/conversationstate.h"

#include <QJsonArray>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_ConversationState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripFull()
    {
        ConversationState s;
        s.phase = ConversationPhase::AwaitingConfirmation;
        s.candidates = { u"a"_s, u"b"_s };
        s.toolId = u"bookPoolVehicle"_s;
        s.filled.insert(
            u"plate"_s,
            { QJsonValue(u"ZG-1234-AB"_s), ParameterSource::UserProfile, u"defaultVehicle"_s });
        s.filled.insert(u"seats"_s, { QJsonValue(4), ParameterSource::Message, {} });
        s.filled.insert(
            u"extras"_s,
            { QJsonArray { 1, u"x"_s }, ParameterSource::ProviderTool, u"listExtras"_s });
        s.missing = { u"from"_s };
        s.confirmationPrompt = u"Rezervirati vozilo ZG-1234-AB? Čšž"_s;
        s.updatedAtMs = 1'700'000'123'456;
        s.language = u"hr"_s;
        QString error;
        const auto back = ConversationState::fromJson(s.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, s);
    }

    void idleIsSmall()
    {
        ConversationState s;
        s.updatedAtMs = 5;
        QCOMPARE(s.toJson(), QByteArray(R"({"p":"idle","u":5,"v":1})"));
        QVERIFY(s.isBlank());
        s.language = u"en"_s;
        QVERIFY(!s.isBlank());
        QCOMPARE(*ConversationState::fromJson(s.toJson()), s);
    }

    void everyPhaseAndSourceHasAStableName()
    {
        for (auto p : { ConversationPhase::Idle, ConversationPhase::ChoosingCandidate,
                        ConversationPhase::CollectingParameters,
                        ConversationPhase::AwaitingConfirmation, ConversationPhase::Executing })
            QCOMPARE(ConversationPhases::fromName(ConversationPhases::name(p)), p);
        for (auto s : { ParameterSource::Message, ParameterSource::UserProfile,
                        ParameterSource::ProviderTool, ParameterSource::UserAnswer,
                        ParameterSource::Default })
            QCOMPARE(ParameterSources::fromName(ParameterSources::name(s)), s);
        QCOMPARE(ConversationPhases::name(ConversationPhase::AwaitingConfirmation),
                 u"confirming"_s);
    }

    void rejectsWhatIsNotAState_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{\"v\":1,") << u"offset"_s;
        QTest::newRow("array") << QByteArray("[]") << u"object"_s;
        QTest::newRow("old version") << QByteArray(R"({"v":0,"p":"idle"})") << u"version 0"_s;
        QTest::newRow("unknown phase") << QByteArray(R"({"v":1,"p":"dancing"})") << u"dancing"_s;
        QTest::newRow("bad candidates") << QByteArray(R"({"v":1,"p":"idle","c":"x"})") << u"'c'"_s;
        QTest::newRow("bad source")
            << QByteArray(R"({"v":1,"p":"idle","f":{"x":{"v":1,"s":"guess"}}})") << u"guess"_s;
    }
    void rejectsWhatIsNotAState()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!ConversationState::fromJson(json, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_ConversationState)
#include "tst_conversationstate.moc"
