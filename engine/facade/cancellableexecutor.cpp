#include "facade/cancellableexecutor.h"

namespace m1 {
namespace {

ToolResult cancelled()
{
    return ToolResult::failure(QStringLiteral("cancelled: the simulator was stopped before the call finished"));
}

} // namespace

CancellableExecutor::~CancellableExecutor()
{
    cancelAll();
}

QFuture<ToolResult> CancellableExecutor::execute(const ToolDefinition &tool, const ToolCall &call)
{
    auto promise = std::make_shared<QPromise<ToolResult>>();
    promise->start();
    QFuture<ToolResult> future = promise->future();
    quint64 id = 0;
    {
        QMutexLocker lock(&m_state->mutex);
        if (m_state->cancelled) {
            promise->addResult(cancelled());
            promise->finish();
            return future;
        }
        id = ++m_state->nextId;
        m_state->pending.insert(id, promise);
    }
    // The inner future may finish on any thread; whoever finishes the promise first wins.
    m_inner.execute(tool, call).then(QtFuture::Launch::Sync, [state = m_state, id](const ToolResult &result) {
        state->finish(id, result);
    });
    return future;
}

void CancellableExecutor::State::finish(quint64 id, const ToolResult &result)
{
    std::shared_ptr<QPromise<ToolResult>> promise;
    {
        QMutexLocker lock(&mutex);
        promise = pending.take(id);
    }
    if (!promise)
        return;
    promise->addResult(result);
    promise->finish();
}

void CancellableExecutor::cancelAll()
{
    QHash<quint64, std::shared_ptr<QPromise<ToolResult>>> pending;
    {
        QMutexLocker lock(&m_state->mutex);
        m_state->cancelled = true;
        pending.swap(m_state->pending);
    }
    for (const auto &promise : std::as_const(pending)) {
        promise->addResult(cancelled());
        promise->finish();
    }
}

} // namespace m1
