// LlmPlanner against a loopback chat completions server: the request it sends (functions,
// sanitised names, prompt, history; OpenAI and Azure wire formats) and how it reads the answer
// (a tool call with arguments, NONE, ASK, text), honouring Retry-After on the way.
#include "llmtestkit.h"

#include "agent/functionnames.h"
#include "core/clock.h"

#include <QJsonArray>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using namespace m1;
using namespace m1::test;

class TestLlmPlanner : public QObject
{
    Q_OBJECT

private:
    PlanDecision plan(LlmPlanner &planner, const QString &message, const SearchResult &found,
                      const QList<ChatMessage> &history = {})
    {
        return planner.plan(PlanRequest { message, found, m_registry, {}, history, ReplyLanguage::English });
    }
    std::unique_ptr<LlmPlanner> planner(LlmPlannerOptions::Flavor flavor = LlmPlannerOptions::Flavor::OpenAi)
    {
        return std::make_unique<LlmPlanner>(llmOptions(m_server, flavor), std::make_unique<RulePlanner>(), m_clock,
                                            nullptr, [] { return 0.0; });
    }

    const SearchResult m_found = llmSearch({ { u"fleet.v2/listMyPoolBookings"_s, 0.62f },
                                             { u"fleet.v2/createPoolBooking"_s, 0.60f },
                                             { u"fleet.v2/getVehicleMileage"_s, 0.31f } });
    ToolRegistry m_registry = llmTools();
    ManualClock m_clock { 1'741'600'800'000 };
    FakeChatCompletionsServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.listen(&error), qPrintable(error));
        m_server.setApiKey(u"test-key"_s);
    }
    void init() { m_server.clear(); m_server.setResponder({}); }

    void picksTheToolAndArgumentsFromAToolCall()
    {
        m_server.setResponder([](const FakeChatCompletionsServer::Request &r) {
            return FakeChatCompletionsServer::Answer::toolCall(
                    functionFor(r, u"createPoolBooking"_s),
                    uR"({"locationId":"loc_zg01","startAt":"2025-03-11T08:00:00+01:00","purpose":"Client_Visit",)"
                    uR"("passengers":"2","colour":"red","Idempotency-Key":"x"})"_s);
        });
        const auto llm = planner();
        const PlanDecision d = plan(*llm, u"book a pool car tomorrow 8-12 for a client visit"_s, m_found);
        qInfo().noquote() << d.notes.join(u'\n');
        QCOMPARE(d.source, u"llm"_s);
        QCOMPARE(d.kind, PlanDecision::Kind::Tool);
        QCOMPARE(d.toolId, u"fleet.v2/createPoolBooking"_s); // mapped back from the sanitised name
        QCOMPARE(d.arguments.value(u"locationId"_s).toString(), u"loc_zg01"_s);
        QCOMPARE(d.arguments.value(u"purpose"_s).toString(), u"client_visit"_s); // the spec's spelling
        QCOMPARE(d.arguments.value(u"passengers"_s).toInteger(), 2);            // typed as the spec says
        QVERIFY(!d.arguments.contains(u"colour"_s));                             // not a parameter
        QVERIFY(!d.arguments.contains(u"Idempotency-Key"_s));                    // headers are not the model's
        const QString notes = d.notes.join(u'\n');
        QVERIFY2(notes.contains(u"ignored argument \"colour\""_s), qPrintable(notes));
        QCOMPARE(llm->requestCount(), 1u);
    }

    void sendsTheOpenAiRequest()
    {
        m_server.enqueue(FakeChatCompletionsServer::Answer::text(u"NONE"_s));
        const auto llm = planner();
        const QList<ChatMessage> history { { ChatMessage::Role::User, u"hi"_s, 0, {} },
                                           { ChatMessage::Role::Bot, u"Hello! What do you need?"_s, 0, {} } };
        plan(*llm, u"my bookings please"_s, m_found, history);
        QCOMPARE(m_server.requestCount(), 1);
        const FakeChatCompletionsServer::Request &r = m_server.requests().first();
        QCOMPARE(r.path, u"/v1/chat/completions"_s);
        QCOMPARE(r.authorization, QByteArray("Bearer test-key"));
        QVERIFY(r.apiKey.isEmpty());
        QCOMPARE(r.body.value(u"model"_s).toString(), u"gpt-test"_s);
        QCOMPARE(r.body.value(u"tool_choice"_s).toString(), u"auto"_s);
        const QStringList names = r.functionNames();
        QCOMPARE(names.size(), 3);
        for (const QString &name : names)
            QVERIFY2(FunctionNames::isValid(name), qPrintable(name));
        QCOMPARE(names.first(), u"fleet_v2_listMyPoolBookings"_s); // in search's order
        const QJsonArray messages = r.body.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 4); // system, two of history, the message
        QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"system"_s);
        QVERIFY(messages.at(0).toObject().value(u"content"_s).toString().contains(u"2025-03-10"_s));
        QCOMPARE(messages.at(2).toObject().value(u"role"_s).toString(), u"assistant"_s);
        QCOMPARE(r.userMessage(), u"my bookings please"_s);
        // The booking's schema: body fields, required ones listed, the header left out, the enum kept.
        const QJsonArray tools = r.body.value(u"tools"_s).toArray();
        QJsonObject booking;
        for (const QJsonValue &t : tools) {
            if (t.toObject().value(u"function"_s).toObject().value(u"name"_s).toString().contains(u"create"_s))
                booking = t.toObject().value(u"function"_s).toObject();
        }
        const QJsonObject parameters = booking.value(u"parameters"_s).toObject();
        QCOMPARE(parameters.value(u"type"_s).toString(), u"object"_s);
        QVERIFY(!parameters.value(u"properties"_s).toObject().contains(u"Idempotency-Key"_s));
        QCOMPARE(parameters.value(u"properties"_s).toObject().value(u"passengers"_s).toObject().value(u"type"_s).toString(),
                 u"integer"_s);
        QCOMPARE(parameters.value(u"properties"_s).toObject().value(u"purpose"_s).toObject().value(u"enum"_s).toArray().size(), 3);
        QCOMPARE(parameters.value(u"required"_s).toArray().size(), 4);
    }

    void historyIsCappedToTheConfiguredMessages()
    {
        m_server.enqueue(FakeChatCompletionsServer::Answer::text(u"NONE"_s));
        LlmPlannerOptions options = llmOptions(m_server);
        options.historyMessages = 2;
        LlmPlanner llm(options, nullptr, m_clock, nullptr, [] { return 0.0; });
        QList<ChatMessage> history;
        for (int i = 0; i < 9; ++i)
            history.append({ i % 2 ? ChatMessage::Role::Bot : ChatMessage::Role::User, u"m%1"_s.arg(i), 0, {} });
        plan(llm, u"now"_s, m_found, history);
        const QJsonArray messages = m_server.requests().first().body.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages.at(1).toObject().value(u"content"_s).toString(), u"m7"_s);
    }

    void speaksAzure()
    {
        m_server.setResponder([](const FakeChatCompletionsServer::Request &r) {
            return FakeChatCompletionsServer::Answer::toolCall(functionFor(r, u"Mileage"_s), u"{}"_s);
        });
        const auto llm = planner(LlmPlannerOptions::Flavor::Azure);
        const PlanDecision d = plan(*llm, u"how many km"_s, m_found);
        QCOMPARE(d.source, u"llm"_s);
        QCOMPARE(d.toolId, u"fleet.v2/getVehicleMileage"_s);
        const FakeChatCompletionsServer::Request &r = m_server.requests().first();
        QCOMPARE(r.path, u"/openai/deployments/fleet-gpt/chat/completions"_s);
        QCOMPARE(r.query.queryItemValue(u"api-version"_s), u"2024-06-01"_s);
        QCOMPARE(r.apiKey, QByteArray("test-key"));
        QVERIFY(r.authorization.isEmpty());
        QVERIFY(!r.body.contains(u"model"_s)); // the deployment names the model
        QCOMPARE(llm->options().chatCompletionsUrl().toString(),
                 m_server.baseUrl().toString() + u"/openai/deployments/fleet-gpt/chat/completions?api-version=2024-06-01"_s);
    }

    void wrongKeyIsNotRetried()
    {
        LlmPlannerOptions options = llmOptions(m_server);
        options.apiKey = u"wrong"_s;
        LlmPlanner llm(options, nullptr, m_clock, nullptr, [] { return 0.0; });
        const PlanDecision d = plan(llm, u"my bookings"_s, m_found);
        QCOMPARE(m_server.requestCount(), 1);
        QCOMPARE(d.source, u"rules-fallback"_s);
        QVERIFY2(d.fallbackReason.contains(u"HTTP 401"_s), qPrintable(d.fallbackReason));
        QVERIFY(!d.fallbackReason.contains(u"wrong"_s)); // no secrets in traces
    }

    void retryAfterIsHonoured()
    {
        FakeChatCompletionsServer::Answer busy = FakeChatCompletionsServer::Answer::error(429, "0");
        m_server.enqueue(busy);
        FakeChatCompletionsServer::Answer azureBusy = FakeChatCompletionsServer::Answer::error(429);
        azureBusy.retryAfterMs = "5";
        m_server.enqueue(azureBusy);
        m_server.setResponder([](const FakeChatCompletionsServer::Request &r) {
            return FakeChatCompletionsServer::Answer::toolCall(functionFor(r, u"listMyPoolBookings"_s));
        });
        const auto llm = planner();
        const PlanDecision d = plan(*llm, u"my bookings"_s, m_found);
        QCOMPARE(m_server.requestCount(), 3);
        QCOMPARE(d.source, u"llm"_s);
        QCOMPARE(d.toolId, u"fleet.v2/listMyPoolBookings"_s);
        QVERIFY2(d.notes.join(u'\n').contains(u"attempt 1: HTTP 429"_s), qPrintable(d.notes.join(u'\n')));
    }

    void noneMeansNotAToolRequest()
    {
        m_server.enqueue(FakeChatCompletionsServer::Answer::text(u"NONE."_s));
        const auto llm = planner();
        const PlanDecision d = plan(*llm, u"thanks!"_s, m_found);
        QCOMPARE(d.source, u"llm"_s);
        QCOMPARE(d.kind, PlanDecision::Kind::NotToolRequest);
    }

    void askOrProseOffersTheCandidates()
    {
        m_server.enqueue(FakeChatCompletionsServer::Answer::text(u"ASK"_s));
        m_server.enqueue(FakeChatCompletionsServer::Answer::text(u"Do you want to book or see your bookings?"_s));
        const auto llm = planner();
        for (int i = 0; i < 2; ++i) {
            const PlanDecision d = plan(*llm, u"pool car"_s, m_found);
            QCOMPARE(d.source, u"llm"_s);
            QCOMPARE(d.kind, PlanDecision::Kind::Abstain);
            QCOMPARE(d.offered.size(), 3);
            QCOMPARE(d.offered.first().id, u"fleet.v2/listMyPoolBookings"_s);
        }
    }

    void runsOnAWorkerThread()
    {
        // As in production: the planner blocks a worker lane while the server (here: this
        // thread's event loop) answers.
        m_server.setResponder([](const FakeChatCompletionsServer::Request &r) {
            return FakeChatCompletionsServer::Answer::toolCall(functionFor(r, u"Mileage"_s), u"{\"vehicleId\":\"veh_1\"}"_s);
        });
        const auto llm = planner();
        QThreadPool pool;
        QFuture<PlanDecision> future = QtConcurrent::run(&pool, [&] { return plan(*llm, u"km?"_s, m_found); });
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 30'000);
        const PlanDecision d = future.result();
        QCOMPARE(d.source, u"llm"_s);
        QCOMPARE(d.arguments.value(u"vehicleId"_s).toString(), u"veh_1"_s);
        pool.waitForDone();
    }
};

QTEST_GUILESS_MAIN(TestLlmPlanner)
#include "tst_llmplanner.moc"
