#pragma once

// One request to run a tool: which tool, with which arguments (keyed by parameter name, body
// fields dotted as in ToolParameter::name), and for which tenant (picks the credentials).

#include <QJsonObject>
#include <QString>

namespace m1 {

struct ToolCall
{
    QString toolId;
    QJsonObject arguments;
    QString tenant;         // empty: the executor's default credentials
    QString idempotencyKey; // optional; sent as Idempotency-Key when the tool takes that header

    bool operator==(const ToolCall &) const = default;
};

} // namespace m1
