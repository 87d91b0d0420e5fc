#include "store/storemetrics.h"

#include "core/metricsregistry.h"

namespace m1 {

StoreMetrics::StoreMetrics(MetricsRegistry &registry, const QString &prefix)
    : m_registry(registry)
    , m_prefix(prefix)
    , m_commands(registry.counter(prefix + u".commands", QStringLiteral("Store commands sent")))
    , m_roundTrips(registry.counter(prefix + u".round_trips",
                                    QStringLiteral("Store round trips (pipelines)")))
    , m_errors(registry.counter(prefix + u".errors",
                                QStringLiteral("Store commands answered with an error")))
    , m_transportErrors(
          registry.counter(prefix + u".transport_errors",
                           QStringLiteral("Store commands that failed to reach the server")))
    , m_bytesOut(registry.counter(prefix + u".bytes_out",
                                  QStringLiteral("Bytes sent to the store (RESP)")))
    , m_bytesIn(registry.counter(prefix + u".bytes_in",
                                 QStringLiteral("Bytes received from the store (RESP)")))
    , m_reconnects(registry.counter(prefix + u".reconnects",
                                    QStringLiteral("Store connections re-established")))
    , m_connectFailures(registry.counter(prefix + u".connect_failures",
                                         QStringLiteral("Failed attempts to connect to the store")))
    , m_connected(
          registry.gauge(prefix + u".connected", QStringLiteral("1 while the store is reachable")))
    , m_latency(
          registry.histogram(prefix + u".latency", QStringLiteral("Store round-trip latency")))
    , m_commandsPerSecond(
          registry.series(prefix + u".commands_per_s", QStringLiteral("Store commands per second")))
{
}

Counter &StoreMetrics::commandCounter(const QByteArray &name)
{
    QMutexLocker lock(&m_mutex);
    Counter *&counter = m_perCommand[name];
    if (!counter) {
        QString metric = m_prefix + u".command.";
        for (char c : name)
            metric += c == ' ' ? QLatin1Char('_') : QChar::fromLatin1(c).toLower();
        counter = &m_registry.counter(metric, QStringLiteral("Store commands of one type"));
    }
    return *counter;
}

void StoreMetrics::recordRoundTrip(const QList<RedisCommand> &commands,
                                   const QList<RedisReply> &replies, qint64 latencyNs)
{
    m_roundTrips.add();
    m_commands.add(quint64(commands.size()));
    m_commandsPerSecond.add(double(commands.size()));
    m_latency.record(latencyNs);
    quint64 out = 0, in = 0, errors = 0, transport = 0;
    for (const RedisCommand &c : commands) {
        out += quint64(c.wireSize());
        commandCounter(c.name()).add();
    }
    for (const RedisReply &r : replies) {
        if (r.isTransportError()) {
            ++transport;
            continue;
        }
        in += quint64(r.wireSize());
        if (r.isError())
            ++errors;
    }
    m_bytesOut.add(out);
    m_bytesIn.add(in);
    m_errors.add(errors);
    m_transportErrors.add(transport);
}

} // namespace m1
