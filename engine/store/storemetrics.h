#pragma once

// What a store reports into the engine's metrics: commands, round trips, errors, bytes each
// way, round-trip latency, and a counter per command type ("store.command.evalsha"). Names
// carry a prefix so a second connection (the inbound stream's blocking reader) can report
// separately. Thread-safe; hot paths touch only atomics after the first use of a command name.

#include "core/counter.h"
#include "core/gauge.h"
#include "core/latencyhistogram.h"
#include "core/timeseries.h"
#include "store/rediscommand.h"
#include "store/redisreply.h"

#include <QHash>
#include <QMutex>

namespace m1 {

class MetricsRegistry;

class StoreMetrics
{
public:
    explicit StoreMetrics(MetricsRegistry &registry,
                          const QString &prefix = QStringLiteral("store"));

    void recordRoundTrip(const QList<RedisCommand> &commands, const QList<RedisReply> &replies,
                         qint64 latencyNs);
    // Commands that never left because the store was unreachable (not a round trip).
    void recordFailedFast(qsizetype commands) { m_transportErrors.add(quint64(commands)); }
    void recordReconnect() { m_reconnects.add(); }
    void recordConnectFailure() { m_connectFailures.add(); }
    void setConnected(bool connected) { m_connected.set(connected ? 1.0 : 0.0); }

    quint64 commands() const { return m_commands.value(); }
    quint64 roundTrips() const { return m_roundTrips.value(); }
    quint64 errors() const { return m_errors.value(); }
    quint64 transportErrors() const { return m_transportErrors.value(); }
    quint64 reconnects() const { return m_reconnects.value(); }
    const LatencyHistogram &latency() const { return m_latency; }

private:
    Counter &commandCounter(const QByteArray &name);

    MetricsRegistry &m_registry;
    QString m_prefix;
    Counter &m_commands;
    Counter &m_roundTrips;
    Counter &m_errors;
    Counter &m_transportErrors;
    Counter &m_bytesOut;
    Counter &m_bytesIn;
    Counter &m_reconnects;
    Counter &m_connectFailures;
    Gauge &m_connected;
    LatencyHistogram &m_latency;
    TimeSeries &m_commandsPerSecond;
    QMutex m_mutex;
    QHash<QByteArray, Counter *> m_perCommand;
};

} // namespace m1
