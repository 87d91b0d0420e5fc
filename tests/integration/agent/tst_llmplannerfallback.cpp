// When the LLM cannot decide, the rule planner does, and the decision says why: rate limits
// that outlast the retries, server errors, a Retry-After longer than the budget, no answer
// within the budget, slow answers, the open circuit breaker, answers that are not chat
// completions or call a function that was not offered. Malformed arguments keep the choice and
// drop the arguments, with a trace note. No assertion depends on how fast the machine is.
#include "llmtestkit.h"

#include "core/clock.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;
using namespace m1::test;

class TestLlmPlannerFallback : public QObject
{
    Q_OBJECT

private:
    using Answer = FakeChatCompletionsServer::Answer;

    PlanDecision plan(LlmPlanner &planner, const SearchResult &found)
    {
        return planner.plan(PlanRequest { u"book a pool car"_s, found, m_registry, {}, {}, ReplyLanguage::English });
    }
    std::unique_ptr<LlmPlanner> planner(const LlmPlannerOptions &options)
    {
        return std::make_unique<LlmPlanner>(options, std::make_unique<RulePlanner>(), m_clock, nullptr,
                                            [] { return 0.0; });
    }
    // What the rules alone decide for the same request.
    PlanDecision rules(const SearchResult &found)
    {
        RulePlanner r;
        return r.plan(PlanRequest { u"book a pool car"_s, found, m_registry, {}, {}, ReplyLanguage::English });
    }
    void expectRules(const PlanDecision &d, const SearchResult &found, const QString &reasonPart)
    {
        const PlanDecision alone = rules(found);
        QCOMPARE(d.source, u"rules-fallback"_s);
        QCOMPARE(d.kind, alone.kind);
        QCOMPARE(d.toolId, alone.toolId);
        QVERIFY(d.arguments.isEmpty());
        QVERIFY2(d.fallbackReason.contains(reasonPart), qPrintable(d.fallbackReason));
        QVERIFY2(d.notes.join(u'\n').contains(u"the rule planner decided"_s), qPrintable(d.notes.join(u'\n')));
    }

    // Search is sure: the rules take the booking tool.
    const SearchResult m_sure = llmSearch({ { u"fleet.v2/createPoolBooking"_s, 0.82f },
                                            { u"fleet.v2/listMyPoolBookings"_s, 0.55f } });
    ToolRegistry m_registry = llmTools();
    ManualClock m_clock { 1'741'600'800'000 };
    FakeChatCompletionsServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.listen(&error), qPrintable(error));
        QCOMPARE(rules(m_sure).toolId, u"fleet.v2/createPoolBooking"_s);
    }
    void init()
    {
        m_server.clear();
        m_server.setResponder({});
        m_server.setDefaultAnswer(Answer::text(u"NONE"_s));
    }

    void rateLimitOutlastingTheRetries()
    {
        m_server.enqueue(5, Answer::error(429, "0"));
        const auto llm = planner(llmOptions(m_server));
        const PlanDecision d = plan(*llm, m_sure);
        QCOMPARE(m_server.requestCount(), 3); // maxAttempts
        expectRules(d, m_sure, u"HTTP 429"_s);
        QVERIFY(d.notes.join(u'\n').contains(u"attempt 3: HTTP 429"_s));
    }

    void serverErrors()
    {
        m_server.enqueue(5, Answer::error(500));
        const auto llm = planner(llmOptions(m_server));
        const PlanDecision d = plan(*llm, m_sure);
        QCOMPARE(m_server.requestCount(), 3);
        expectRules(d, m_sure, u"HTTP 500"_s);
    }

    void retryAfterBeyondTheBudgetIsNotWaitedFor()
    {
        m_server.enqueue(Answer::error(429, "30"));
        LlmPlannerOptions options = llmOptions(m_server);
        options.budgetMs = 3'000;
        const auto llm = planner(options);
        const PlanDecision d = plan(*llm, m_sure);
        QCOMPARE(m_server.requestCount(), 1);
        expectRules(d, m_sure, u"would pass the time budget"_s);
    }

    void noAnswerWithinTheBudget()
    {
        m_server.enqueue(5, Answer::hang());
        LlmPlannerOptions options = llmOptions(m_server);
        options.timeoutMs = 5'000;
        options.budgetMs = 300;
        const auto llm = planner(options);
        const PlanDecision d = plan(*llm, m_sure);
        QCOMPARE(m_server.requestCount(), 1);
        expectRules(d, m_sure, u"time budget"_s);
    }

    void requestTimeoutsAreRetriedWithinTheBudget()
    {
        m_server.enqueue(2, Answer::hang());
        m_server.setResponder([](const FakeChatCompletionsServer::Request &r) {
            return Answer::toolCall(functionFor(r, u"createPoolBooking"_s));
        });
        LlmPlannerOptions options = llmOptions(m_server);
        options.timeoutMs = 200;
        options.budgetMs = 60'000;
        const auto llm = planner(options);
        const PlanDecision d = plan(*llm, m_sure);
        QCOMPARE(m_server.requestCount(), 3);
        QCOMPARE(d.source, u"llm"_s);
        QCOMPARE(d.toolId, u"fleet.v2/createPoolBooking"_s);
    }

    void slowAnswerLosesToTheBudget()
    {
        m_server.enqueue(Answer::toolCall(u"fleet_v2_listMyPoolBookings"_s).after(5'000));
        LlmPlannerOptions options = llmOptions(m_server);
        options.budgetMs = 250;
        const auto llm = planner(options);
        const PlanDecision d = plan(*llm, m_sure);
        expectRules(d, m_sure, u"time budget"_s);
    }

    void openCircuitRefusesWithoutARequest()
    {
        LlmPlannerOptions options = llmOptions(m_server);
        options.retry.maxAttempts = 1;
        options.breaker = CircuitBreakerOptions { 2, 60'000, 1 };
        const auto llm = planner(options);
        m_server.enqueue(2, Answer::error(503));
        plan(*llm, m_sure);
        plan(*llm, m_sure);
        QCOMPARE(m_server.requestCount(), 2);
        QCOMPARE(llm->breakerState(), CircuitBreaker::State::Open);
        const PlanDecision d = plan(*llm, m_sure);
        QCOMPARE(m_server.requestCount(), 2); // nothing sent
        expectRules(d, m_sure, u"circuit breaker open"_s);

        // After the open period one trial goes through and closes the breaker again.
        m_clock.advanceMs(60'001);
        m_server.setResponder([](const FakeChatCompletionsServer::Request &r) {
            return Answer::toolCall(functionFor(r, u"listMyPoolBookings"_s));
        });
        const PlanDecision again = plan(*llm, m_sure);
        QCOMPARE(again.source, u"llm"_s);
        QCOMPARE(llm->breakerState(), CircuitBreaker::State::Closed);
    }

    void malformedArgumentsKeepTheChoice()
    {
        m_server.setResponder([](const FakeChatCompletionsServer::Request &r) {
            return Answer::toolCall(functionFor(r, u"listMyPoolBookings"_s), u"{\"status\": \"upcoming\", "_s);
        });
        const auto llm = planner(llmOptions(m_server));
        const PlanDecision d = plan(*llm, m_sure);
        QCOMPARE(d.source, u"llm"_s);
        QCOMPARE(d.kind, PlanDecision::Kind::Tool);
        QCOMPARE(d.toolId, u"fleet.v2/listMyPoolBookings"_s);
        QVERIFY(d.arguments.isEmpty());
        const QString notes = d.notes.join(u'\n');
        QVERIFY2(notes.contains(u"arguments ignored"_s) && notes.contains(u"not valid JSON"_s), qPrintable(notes));
    }

    void argumentsThatAreNotAnObject()
    {
        m_server.setResponder([](const FakeChatCompletionsServer::Request &r) {
            return Answer::toolCall(functionFor(r, u"createPoolBooking"_s), u"[1,2]"_s);
        });
        const auto llm = planner(llmOptions(m_server));
        const PlanDecision d = plan(*llm, m_sure);
        QCOMPARE(d.source, u"llm"_s);
        QVERIFY(d.arguments.isEmpty());
        QVERIFY(d.notes.join(u'\n').contains(u"not an object"_s));
    }

    void functionThatWasNotOffered()
    {
        m_server.enqueue(Answer::toolCall(u"deleteAllVehicles"_s));
        const auto llm = planner(llmOptions(m_server));
        expectRules(plan(*llm, m_sure), m_sure, u"not one of the offered functions"_s);
    }

    void answersThatAreNotChatCompletions()
    {
        const auto llm = planner(llmOptions(m_server));
        m_server.enqueue(Answer::raw(200, "<html>proxy error</html>"));
        expectRules(plan(*llm, m_sure), m_sure, u"not a JSON object"_s);
        m_server.enqueue(Answer::raw(200, R"({"object":"list","data":[]})"));
        expectRules(plan(*llm, m_sure), m_sure, u"/choices is missing"_s);
        m_server.enqueue(Answer::raw(200, R"({"choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"content_filter"}]})"));
        expectRules(plan(*llm, m_sure), m_sure, u"content filter"_s);
    }

    void nothingToOfferAsksNobody()
    {
        const auto llm = planner(llmOptions(m_server));
        const SearchResult empty = llmSearch({}, true);
        const PlanDecision d = plan(*llm, empty);
        QCOMPARE(m_server.requestCount(), 0);
        expectRules(d, empty, u"no candidate tools"_s);
        QCOMPARE(d.kind, PlanDecision::Kind::Abstain);
    }

    void unreachableServer()
    {
        LlmPlannerOptions options = llmOptions(m_server);
        options.endpoint = QUrl(u"http://127.0.0.1:1"_s); // nothing listens on port 1
        options.retry.maxAttempts = 2;
        const auto llm = planner(options);
        expectRules(plan(*llm, m_sure), m_sure, u"failed after 2 attempt(s)"_s);
    }
};

QTEST_GUILESS_MAIN(TestLlmPlannerFallback)
#include "tst_llmplannerfallback.moc"
