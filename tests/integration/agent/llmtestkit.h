#pragma once
// Hand-made search results and options for the LLM planner tests: a few tools (ids with dots
// and slashes, as catalogs have them), a fake chat completions server, and retries that wait
// no real time.
#include "agent/llmplanner.h"
#include "agent/ruleplanner.h"
#include "registry/toolregistry.h"
#include "search/searchresult.h"
#include "testsupport/fakechatcompletionsserver.h"

#include <QJsonArray>

namespace m1::test {

inline ToolParameter llmParam(const QString &name, ParamLocation in, bool required, const QString &type,
                              const QStringList &enumValues = {})
{
    ToolParameter p;
    p.name = name;
    p.location = in;
    p.required = required;
    p.type = type;
    p.enumValues = enumValues;
    return p;
}

inline ToolRegistry llmTools()
{
    ToolRegistry registry;
    ToolDefinition booking;
    booking.id = QStringLiteral("fleet.v2/createPoolBooking");
    booking.method = QStringLiteral("POST");
    booking.path = QStringLiteral("/pool-bookings");
    booking.summary = QStringLiteral("Book a pool vehicle");
    booking.parameters = {
        llmParam(QStringLiteral("Idempotency-Key"), ParamLocation::Header, false, QStringLiteral("string")),
        llmParam(QStringLiteral("locationId"), ParamLocation::Body, true, QStringLiteral("string")),
        llmParam(QStringLiteral("startAt"), ParamLocation::Body, true, QStringLiteral("string")),
        llmParam(QStringLiteral("endAt"), ParamLocation::Body, true, QStringLiteral("string")),
        llmParam(QStringLiteral("purpose"), ParamLocation::Body, true, QStringLiteral("string"),
                 { QStringLiteral("business"), QStringLiteral("training"), QStringLiteral("client_visit") }),
        llmParam(QStringLiteral("passengers"), ParamLocation::Body, false, QStringLiteral("integer")),
    };
    booking.parameters[2].format = QStringLiteral("date-time");
    booking.parameters[3].format = QStringLiteral("date-time");
    registry.addTool(booking);

    ToolDefinition mileage;
    mileage.id = QStringLiteral("fleet.v2/getVehicleMileage");
    mileage.method = QStringLiteral("GET");
    mileage.path = QStringLiteral("/vehicles/{vehicleId}/mileage");
    mileage.summary = QStringLiteral("Current mileage of a vehicle");
    mileage.parameters = { llmParam(QStringLiteral("vehicleId"), ParamLocation::Path, true, QStringLiteral("string")) };
    registry.addTool(mileage);

    ToolDefinition bookings;
    bookings.id = QStringLiteral("fleet.v2/listMyPoolBookings");
    bookings.method = QStringLiteral("GET");
    bookings.path = QStringLiteral("/me/pool-bookings");
    bookings.summary = QStringLiteral("My pool bookings");
    registry.addTool(bookings);
    return registry;
}

// Scores as search would give them; `abstain` as its thresholds would decide.
inline SearchResult llmSearch(const QList<std::pair<QString, float>> &scores, bool abstain = false)
{
    SearchResult r;
    r.abstain = abstain;
    r.outOfScope = false;
    for (int i = 0; i < scores.size(); ++i) {
        ScoredTool s;
        s.toolIndex = i;
        s.id = scores.at(i).first;
        s.score = scores.at(i).second;
        r.results.append(s);
        if (abstain)
            r.candidates.append(s);
    }
    return r;
}

inline LlmPlannerOptions llmOptions(const FakeChatCompletionsServer &server,
                                    LlmPlannerOptions::Flavor flavor = LlmPlannerOptions::Flavor::OpenAi)
{
    LlmPlannerOptions o;
    o.flavor = flavor;
    o.endpoint = server.baseUrl();
    o.apiKey = QStringLiteral("test-key");
    o.model = QStringLiteral("gpt-test");
    o.deployment = QStringLiteral("fleet-gpt");
    o.apiVersion = QStringLiteral("2024-06-01");
    o.timeoutMs = 5'000;
    o.budgetMs = 10'000;
    o.retry = RetryOptions { 3, 1, 5, 60'000 };
    o.breaker = CircuitBreakerOptions { 5, 30'000, 1 };
    return o;
}

inline QString functionFor(const FakeChatCompletionsServer::Request &request, const QString &part)
{
    for (const QString &name : request.functionNames()) {
        if (name.contains(part))
            return name;
    }
    return {};
}

} // namespace m1::test
