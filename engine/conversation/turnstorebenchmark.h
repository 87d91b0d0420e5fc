#pragma once

// Measures the conversation hot path against a store: K simulated turns (load, a few state
// changes, two history messages, save) spread over a set of users, one after another. Reports
// what `m1bot bench` prints:
//   {redis_commands_per_msg, redis_round_trips_per_msg, turns_per_s, load_p50_us, load_p99_us,
//    save_p50_us, save_p99_us, turns, users, store, errors}
// Blocks on the store's futures: run it on a thread other than the store's I/O thread.
// Its users are synthetic (+000 99 …) and their keys are deleted afterwards.

#include "conversation/conversationconfig.h"

#include <QJsonObject>

namespace m1 {

class Clock;
class KeyValueStore;
class MetricsRegistry;

class TurnStoreBenchmark
{
public:
    struct Options
    {
        int turns = 2000;
        int users = 50;
        int warmupTurns = 50;
    };

    TurnStoreBenchmark(KeyValueStore &store, const Clock &clock, MetricsRegistry &metrics);

    QJsonObject run(const Options &options);
    QJsonObject run() { return run(Options {}); }

private:
    KeyValueStore &m_store;
    const Clock &m_clock;
    MetricsRegistry &m_metrics;
};

} // namespace m1
