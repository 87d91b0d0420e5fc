// Fault injection: the LLM endpoint (OpenAI-style chat completions) hanging — it accepts the
// connection, reads the request and never answers — while a steady stream of signed webhook
// POSTs comes in. The planner must give up within its per-turn budget, the rule planner must
// decide instead, the circuit breaker must stop the waiting after a few turns, and every
// message must still get exactly one (real) reply. Metrics and log show the fallback.
#include "agent/llmplanner.h"
#include "agent/ruleplanner.h"
#include "faultharness.h"
#include "metaload.h"
#include "testsupport/fakechatcompletionsserver.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

const QString kAsk = u"show the fleet utilization report"_s;
const QString kKey = u"sk-faults-llm-key-5e0c2f9a41b7"_s;

} // namespace

class TestFaultLlm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void answeringLlmIsUsed();
    void hangingLlmFallsBackToTheRules();

private:
    QList<std::pair<QString, QString>> deliver(const QString &tag, int count, int intervalMs)
    {
        return m_h->deliver(m_senders, tag, count, intervalMs);
    }
    int plannedBy(const QString &source) const
    {
        QMutexLocker lock(&m_mutex);
        return m_planners.value(source);
    }

    RedisTestServer m_redis;
    FakeChatCompletionsServer m_llm;
    std::unique_ptr<LlmPlanner> m_planner;
    std::unique_ptr<FaultHarness> m_h;
    mutable QMutex m_mutex;
    QHash<QString, int> m_planners; // turns by TurnTrace::planner
    FaultSenders m_senders { u"38599"_s, u"wamid.llm."_s, kAsk };
};

void TestFaultLlm::initTestCase()
{
    M1_START_REDIS_TEST_SERVER(m_redis);
    QString error;
    QVERIFY2(m_llm.listen(&error), qPrintable(error));
    m_llm.setApiKey(kKey);
    // A healthy model picks whichever offered function is about utilization.
    m_llm.setResponder([](const FakeChatCompletionsServer::Request &request) {
        for (const QString &name : request.functionNames()) {
            if (name.contains(u"Utilization"_s))
                return FakeChatCompletionsServer::Answer::toolCall(name);
        }
        return FakeChatCompletionsServer::Answer::text(u"NONE"_s);
    });

    LlmPlannerOptions o;
    o.endpoint = m_llm.baseUrl();
    o.apiKey = kKey;
    o.model = u"gpt-test"_s;
    o.timeoutMs = 400; // one request without an answer for this long is abandoned
    o.budgetMs = 1'000; // everything a turn may spend on the model
    o.retry = RetryOptions { 3, 20, 100, 1'000 };
    o.breaker = CircuitBreakerOptions { 5, 60'000, 1 };
    m_h = std::make_unique<FaultHarness>(m_redis);
    m_planner = std::make_unique<LlmPlanner>(o, std::make_unique<RulePlanner>(), m_h->clock());
    FaultSetup setup;
    setup.planner = m_planner.get();
    const QString started = m_h->start(setup);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_h->service().pipeline().setTraceHandler([this](const InboundMessage &, const TurnTrace &trace) {
        QMutexLocker lock(&m_mutex);
        ++m_planners[trace.planner];
    });
}

void TestFaultLlm::cleanupTestCase()
{
    m_h.reset();
    m_planner.reset();
    m_redis.stop();
}

void TestFaultLlm::answeringLlmIsUsed()
{
    // The control: with the model answering, it (not the rules) chooses.
    const auto messages = deliver(u"healthy"_s, 10, 20);
    const OutcomeTally t = m_h->tally(messages);
    QVERIFY2(t.answered == 10, qPrintable(t.toString()));
    QCOMPARE(plannedBy(u"llm"_s), 10);
    QCOMPARE(m_h->counter(u"m1_pipeline_planner_fallbacks_total"_s), 0u);
}

void TestFaultLlm::hangingLlmFallsBackToTheRules()
{
    m_llm.setResponder({});
    m_llm.setDefaultAnswer(FakeChatCompletionsServer::Answer::hang());
    const int requestsBefore = m_llm.requestCount();
    constexpr int kMessages = 120;
    const auto messages = deliver(u"hanging"_s, kMessages, 15);
    const OutcomeTally t = m_h->tally(messages);
    const int asked = m_llm.requestCount() - requestsBefore;
    const quint64 fallbacks = m_h->counter(u"m1_pipeline_planner_fallbacks_total"_s);
    qInfo("LLM hanging under %d messages: %s; %d requests reached the model (none answered), %llu turns fell "
          "back to the rules, breaker %s",
          kMessages, qPrintable(t.toString()), asked, fallbacks,
          qPrintable(CircuitBreaker::stateName(m_planner->breakerState())));
    QVERIFY2(t.answered == kMessages, qPrintable(t.toString()));
    QCOMPARE(fallbacks, quint64(kMessages));
    QCOMPARE(plannedBy(u"rules-fallback"_s), kMessages);
    // After five failed requests the breaker opened: later turns did not wait for the model.
    QCOMPARE(m_planner->breakerState(), CircuitBreaker::State::Open);
    QVERIFY2(asked >= 5 && asked < 20, qPrintable(QString::number(asked)));
    // Every turn still reached a tool: the replies are answers, not apologies.
    for (const FakeGraphApiServer::Request &r : m_h->graph().requests()) {
        const QString text = r.json.value(u"text"_s).toObject().value(u"body"_s).toString();
        QVERIFY2(!text.startsWith(u"The fleet service"_s), qPrintable(text));
    }
    // Said sparingly (the 1st, 2nd, 4th, ... fallback), with the reason.
    const int fallbackLines = m_h->logLines(QRegularExpression(u"LLM planner was not used"_s));
    QVERIFY2(fallbackLines >= 3 && fallbackLines <= 14, qPrintable(QString::number(fallbackLines)));
    QVERIFY(m_h->logLines(QRegularExpression(u"circuit breaker open"_s)) >= 1);
    QVERIFY(m_h->prometheus().contains(u"m1_pipeline_planner_fallbacks_total 120"_s));
}

QTEST_GUILESS_MAIN(TestFaultLlm)
#include "tst_faultllm.moc"
