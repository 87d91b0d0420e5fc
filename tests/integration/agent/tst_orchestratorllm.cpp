// The orchestrator with the LLM planner over the bundled demo spec: the model's arguments fill
// parameters (trace "llm"), the message's own values still win, the trace names the planner;
// an unavailable model leaves the turn to the rules with the same tool; "not a request" gets a
// reply in the user's language from the translation catalogue.
#include "agentworld.h"
#include "llmtestkit.h"

#include "agent/sandboxexecutor.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;
using namespace m1::test;

namespace {

QString sourceOf(const TurnTrace &trace, const QString &name)
{
    for (const TurnTrace::Parameter &p : trace.parameters) {
        if (p.name == name)
            return p.source;
    }
    return {};
}

} // namespace

class TestOrchestratorLlm : public QObject
{
    Q_OBJECT

private:
    using Answer = FakeChatCompletionsServer::Answer;

    std::unique_ptr<LlmPlanner> llm()
    {
        LlmPlannerOptions options = llmOptions(m_server);
        options.topK = 8;
        return std::make_unique<LlmPlanner>(options, std::make_unique<RulePlanner>(), m_world->clock, nullptr,
                                            [] { return 0.0; });
    }

    FakeChatCompletionsServer m_server;
    TsTranslator m_croatian;
    std::unique_ptr<AgentWorld> m_world;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.listen(&error), qPrintable(error));
        QVERIFY(!m_croatian.isEmpty());
        m_world = std::make_unique<AgentWorld>(demoRegistry(), &m_croatian);
        QVERIFY2(m_world->search, qPrintable(m_world->error));
    }
    void init()
    {
        m_server.clear();
        m_server.setResponder({});
    }

    void modelArgumentsFillParameters()
    {
        m_server.setResponder([](const FakeChatCompletionsServer::Request &r) {
            return Answer::toolCall(functionFor(r, u"createPoolBooking"_s),
                                    uR"({"locationId":"loc_zg01","purpose":"client_visit","startAt":"2025-03-20T09:00:00+01:00"})"_s);
        });
        const auto planner = llm();
        SandboxExecutor sandbox(m_world->clock);
        const auto orchestrator = m_world->orchestrator(sandbox, planner.get(), false);
        ConversationSession session = m_world->session();
        const TurnOutcome out = orchestrator->run(session, AgentWorld::text(u"book a pool car tomorrow 8-12"_s),
                                                  AgentWorld::profile());
        qInfo().noquote() << QJsonDocument(out.trace.toJson()).toJson(QJsonDocument::Compact);
        QCOMPARE(m_server.requestCount(), 1);
        QCOMPARE(m_server.requests().first().functionNames().size(), 8); // topK
        QCOMPARE(out.trace.planner, u"llm"_s);
        QCOMPARE(out.trace.chosenToolId, u"createPoolBooking"_s);
        QCOMPARE(sourceOf(out.trace, u"locationId"_s), u"llm"_s);
        QCOMPARE(sourceOf(out.trace, u"purpose"_s), u"llm"_s);
        // The message said "tomorrow 8-12": the filler's reading beats the model's date.
        QCOMPARE(sourceOf(out.trace, u"startAt"_s), u"message"_s);
        QVERIFY(out.trace.parameters.size() >= 4);
        QCOMPARE(out.trace.question, u"confirm"_s);
        QCOMPARE(session.state().phase, ConversationPhase::AwaitingConfirmation);
    }

    void unavailableModelLeavesItToTheRules()
    {
        m_server.enqueue(5, Answer::error(503));
        const auto planner = llm();
        SandboxExecutor sandbox(m_world->clock);
        const auto withLlm = m_world->orchestrator(sandbox, planner.get(), false);
        const auto rulesOnly = m_world->orchestrator(sandbox, nullptr, false);
        const InboundMessage message = AgentWorld::text(u"book a pool car tomorrow 8-12"_s);
        ConversationSession a = m_world->session();
        ConversationSession b = m_world->session();
        const TurnOutcome fallback = withLlm->run(a, message, AgentWorld::profile());
        const TurnOutcome plain = rulesOnly->run(b, message, AgentWorld::profile());
        QCOMPARE(fallback.trace.planner, u"rules-fallback"_s);
        QVERIFY2(fallback.trace.plannerFallback.contains(u"HTTP 503"_s), qPrintable(fallback.trace.plannerFallback));
        QCOMPARE(plain.trace.planner, u"rules"_s);
        QCOMPARE(fallback.trace.chosenToolId, plain.trace.chosenToolId);
        QCOMPARE(fallback.trace.question, plain.trace.question);
        QCOMPARE(fallback.replies.size(), plain.replies.size());
        QCOMPARE(fallback.replies.first().text, plain.replies.first().text);
    }

    void notARequestIsAnsweredInTheUsersLanguage()
    {
        m_server.setDefaultAnswer(Answer::text(u"NONE"_s));
        const auto planner = llm();
        SandboxExecutor sandbox(m_world->clock);
        const auto orchestrator = m_world->orchestrator(sandbox, planner.get(), false);
        ConversationSession session = m_world->session();
        const TurnOutcome out = orchestrator->run(session, AgentWorld::text(u"hvala puno!"_s), AgentWorld::profile(u"hr"_s));
        QCOMPARE(out.trace.action, u"no_tool"_s);
        QCOMPARE(out.trace.planner, u"llm"_s);
        QCOMPARE(out.replies.size(), 1);
        const QString croatian = m_croatian.translate(
                "m1::Agent", "I can help with the company's vehicles: bookings, mileage, fuel cards, damage reports "
                             "and more. What do you need?");
        QVERIFY2(!croatian.isEmpty(), "the phrase has no Croatian in translations/m1_hr.ts");
        QCOMPARE(out.replies.first().text, croatian);
        QCOMPARE(session.state().phase, ConversationPhase::Idle);
    }

    void unclearForTheModelOffersTheCandidates()
    {
        m_server.setDefaultAnswer(Answer::text(u"ASK"_s));
        const auto planner = llm();
        SandboxExecutor sandbox(m_world->clock);
        const auto orchestrator = m_world->orchestrator(sandbox, planner.get(), false);
        ConversationSession session = m_world->session();
        const TurnOutcome out = orchestrator->run(session, AgentWorld::text(u"car"_s), AgentWorld::profile());
        QCOMPARE(out.trace.action, u"abstain"_s);
        QCOMPARE(session.state().phase, ConversationPhase::ChoosingCandidate);
        QVERIFY(!session.state().candidates.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorLlm)
#include "tst_orchestratorllm.moc"
