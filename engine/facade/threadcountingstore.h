#pragma once

// A KeyValueStore that forwards to another and counts commands and round trips per calling
// thread. A worker lane runs one turn at a time on its own thread, so what that thread sent
// between two turns is exactly the store traffic of the turn (load, save, acknowledge) — what
// the simulator's trace shows — even while other lanes run at the same time.

#include "store/keyvaluestore.h"

#include <utility>

namespace m1 {

class ThreadCountingStore final : public KeyValueStore
{
public:
    explicit ThreadCountingStore(KeyValueStore &inner) : m_inner(inner) {}

    QFuture<QList<RedisReply>> pipeline(const QList<RedisCommand> &commands) override;
    // Forwarded as a submit, so the inner store answers from its side (the default would attach
    // a continuation to pipeline()'s future: the Qt 6.4 bug KeyValueStore::submit describes).
    void submit(const QList<RedisCommand> &commands, ReplyHandler handler) override;
    QString description() const override { return m_inner.description(); }
    bool isConnected() const override { return m_inner.isConnected(); }

    // (commands, round trips) the calling thread sent since it last asked; resets them.
    static std::pair<quint64, quint64> takeThreadCounts();

private:
    KeyValueStore &m_inner;
};

} // namespace m1
