#include "cli/redislatencymonitor.h"

#include "store/keyvaluestore.h"

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// INFO persistence's aof_delayed_fsync: fsyncs Redis had to postpone because the disk was busy.
qint64 delayedFsyncs(const RedisReply &info)
{
    for (const QByteArray &line : info.bytes().split('\n')) {
        if (line.startsWith("aof_delayed_fsync:"))
            return line.mid(18).trimmed().toLongLong();
    }
    return 0;
}

} // namespace

void RedisLatencyMonitor::start(int thresholdMs)
{
    const QList<RedisReply> r
        = m_store
              .pipeline(
                  { RedisCommand::of("CONFIG", "SET", "latency-monitor-threshold", thresholdMs),
                    RedisCommand::of("LATENCY", "RESET"), RedisCommand::of("INFO", "persistence") })
              .result();
    m_started = r.size() == 3 && !r.at(0).isError();
    if (m_started)
        m_delayedFsyncBefore = delayedFsyncs(r.at(2));
}

QJsonObject RedisLatencyMonitor::stop()
{
    QJsonObject out;
    if (!m_started)
        return out;
    m_started = false;
    const QList<RedisReply> r
        = m_store
              .pipeline({ RedisCommand::of("LATENCY", "LATEST"),
                          RedisCommand::of("INFO", "persistence"),
                          RedisCommand::of("CONFIG", "SET", "latency-monitor-threshold", 0) })
              .result();
    if (r.size() != 3)
        return out;
    // [[event, unix time, latest ms, all-time max ms], …]
    for (const RedisReply &event : r.at(0).elements()) {
        if (event.elements().size() >= 4)
            out.insert(QString::fromUtf8(event.elements().at(0).bytes()),
                       double(event.elements().at(3).integer()));
    }
    out.insert(u"aof_delayed_fsync"_s, double(delayedFsyncs(r.at(1)) - m_delayedFsyncBefore));
    return out;
}

} // namespace m1
