#pragma once

// Redis' own account of its stalls during a benchmark: its latency monitor (events such as
// "command", "fast-command", "aof-write", "aof-fsync-always", "expire-cycle" that took at least
// the threshold), and how often an append-only fsync ran late. A latency tail that shows here
// happened inside redis-server, not in the engine. Blocks on the store: call it from a thread
// the store does not answer on. A store without these commands (the in-process one) reports {}.

#include <QJsonObject>

namespace m1 {

class KeyValueStore;

class RedisLatencyMonitor
{
public:
    explicit RedisLatencyMonitor(KeyValueStore &store)
        : m_store(store)
    {
    }

    // Records events of at least `thresholdMs` from now on (and forgets earlier ones).
    void start(int thresholdMs);
    // {"<event>": worst ms, …, "aof_delayed_fsync": n}; switches the monitor off again.
    QJsonObject stop();

private:
    KeyValueStore &m_store;
    bool m_started = false;
    qint64 m_delayedFsyncBefore = 0;
};

} // namespace m1
