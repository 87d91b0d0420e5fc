#pragma once

// Wraps a ToolExecutor so that every call still running can be finished at once with a failure
// ("cancelled"). The simulator cancels when it stops, so a worker waiting on a slow backend does
// not hold up closing the console; the wrapped call's own result is then ignored.

#include "agent/toolexecutor.h"

#include <QHash>
#include <QMutex>
#include <QPromise>

#include <memory>

namespace m1 {

class CancellableExecutor : public ToolExecutor
{
public:
    explicit CancellableExecutor(ToolExecutor &inner) : m_inner(inner) {}
    ~CancellableExecutor() override;

    QFuture<ToolResult> execute(const ToolDefinition &tool, const ToolCall &call) override;
    // Finishes every call in flight with a failure; later calls are refused the same way.
    void cancelAll();

private:
    // Shared with the continuations on the inner futures, which may outlive this object.
    struct State
    {
        QMutex mutex;
        QHash<quint64, std::shared_ptr<QPromise<ToolResult>>> pending;
        quint64 nextId = 0;
        bool cancelled = false;

        void finish(quint64 id, const ToolResult &result);
    };

    ToolExecutor &m_inner;
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace m1
