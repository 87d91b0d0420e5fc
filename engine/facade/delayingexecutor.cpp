#include "facade/delayingexecutor.h"

#include <QThread>

namespace m1 {

QFuture<ToolResult> DelayingExecutor::execute(const ToolDefinition &tool, const ToolCall &call)
{
    // The orchestrator blocks on the result on a lane thread anyway; sleeping here holds that
    // lane exactly as a slow backend would.
    QThread::msleep(static_cast<unsigned long>(m_delayMs));
    return m_inner.execute(tool, call);
}

} // namespace m1
