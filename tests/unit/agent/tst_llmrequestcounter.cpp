// The metrics panel's "LLM calls per hour" reads agent.llm.requests: the LLM planner counts
// there every chat completions request it sends, retries included, and nothing else does.

#include "core/clock.h"
#include "core/metricsregistry.h"
#include "llmtestkit.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;
using namespace m1::test;

class TestLlmRequestCounter : public QObject
{
    Q_OBJECT

private:
    LlmPlannerOptions options() const { return llmOptions(m_server); }

    PlanDecision plan(LlmPlanner &planner)
    {
        return planner.plan(PlanRequest { u"how many km has my car"_s, m_found, m_registry, {}, {},
                                          ReplyLanguage::English });
    }

    static quint64 requests(const MetricsRegistry &metrics)
    {
        // counter() points into the snapshot: keep it alive while reading the value.
        const MetricsSnapshot snapshot = metrics.snapshot();
        const CounterSample *c = snapshot.counter(u"agent.llm.requests"_s);
        return c ? c->value : 0;
    }

    ToolRegistry m_registry = llmTools();
    SearchResult m_found = llmSearch({ { u"fleet.v2/getVehicleMileage"_s, 0.7f } });
    ManualClock m_clock { 1'741'600'800'000 };
    FakeChatCompletionsServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.listen(&error), qPrintable(error));
        m_server.setApiKey(u"test-key"_s);
    }

    void init() { m_server.clear(); }

    void countsEveryRequestSent()
    {
        MetricsRegistry metrics(m_clock);
        LlmPlanner planner(options(), std::make_unique<RulePlanner>(), m_clock, nullptr, [] { return 0.0; },
                           &metrics);
        QCOMPARE(requests(metrics), 0u); // registered, nothing sent yet
        QVERIFY(metrics.snapshot().counter(u"agent.llm.requests"_s));

        m_server.enqueue(FakeChatCompletionsServer::Answer::text(u"NONE"_s));
        QCOMPARE(plan(planner).source, u"llm"_s);
        QCOMPARE(requests(metrics), 1u);

        // A 503 and its retry are two requests on the wire: two calls on the chart.
        m_server.enqueue(FakeChatCompletionsServer::Answer::error(503));
        m_server.enqueue(FakeChatCompletionsServer::Answer::text(u"NONE"_s));
        QCOMPARE(plan(planner).source, u"llm"_s);
        QCOMPARE(requests(metrics), 3u);
        QCOMPARE(quint64(m_server.requestCount()), requests(metrics));
        QCOMPARE(planner.requestCount(), requests(metrics));
    }

    void nothingSentNothingCounted()
    {
        // No candidates: the rules decide without asking the model.
        MetricsRegistry metrics(m_clock);
        LlmPlanner planner(options(), std::make_unique<RulePlanner>(), m_clock, nullptr, {}, &metrics);
        const PlanDecision d = planner.plan(PlanRequest { u"hello"_s, SearchResult {}, m_registry, {}, {},
                                                          ReplyLanguage::English });
        QCOMPARE(d.source, u"rules-fallback"_s);
        QCOMPARE(m_server.requestCount(), 0);
        QCOMPARE(requests(metrics), 0u);
    }
};

QTEST_GUILESS_MAIN(TestLlmRequestCounter)
#include "tst_llmrequestcounter.moc"
