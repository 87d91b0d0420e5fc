#pragma once

// A test seam for `m1bot serve --test-executor-delay-ms` (ServeOptions::testExecutorDelayMs):
// every tool call first waits, on the worker lane that makes it, so a test can kill the process
// while a message is in flight (loaded, not yet answered or acknowledged) and watch another
// process reclaim it.

#include "agent/toolexecutor.h"

namespace m1 {

class DelayingExecutor final : public ToolExecutor
{
public:
    DelayingExecutor(ToolExecutor &inner, int delayMs)
        : m_inner(inner)
        , m_delayMs(delayMs)
    {
    }

    QFuture<ToolResult> execute(const ToolDefinition &tool, const ToolCall &call) override;

private:
    ToolExecutor &m_inner;
    const int m_delayMs;
};

} // namespace m1
