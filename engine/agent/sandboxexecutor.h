#pragma once

// Answers tool calls without calling any API: from the tool's response example when the spec
// has one, else from a value invented from its response schema (SchemaExampleGenerator), with
// the call's arguments echoed into fields of the same name so the reply talks about the
// user's own vehicle or booking. Writes answer with a plausible created/updated object.
// Deterministic for a seed and the call's arguments; every result is marked dryRun. Calls
// missing a required parameter are refused exactly as the HTTP executor refuses them.

#include "agent/schemaexamplegenerator.h"
#include "agent/toolexecutor.h"

namespace m1 {

class Clock;

class SandboxExecutor : public ToolExecutor
{
public:
    explicit SandboxExecutor(const Clock &clock, quint64 seed = 1);

    QFuture<ToolResult> execute(const ToolDefinition &tool, const ToolCall &call) override;
    // The same, synchronously (the sandbox never waits on anything).
    ToolResult run(const ToolDefinition &tool, const ToolCall &call) const;

private:
    QJsonValue answer(const ToolDefinition &tool, const QJsonObject &arguments, quint64 salt) const;
    static QJsonObject nested(const QJsonObject &arguments);

    const Clock &m_clock;
    quint64 m_seed;
};

} // namespace m1
