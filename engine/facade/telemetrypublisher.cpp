#include "facade/telemetrypublisher.h"

#include "core/logsink.h"
#include "core/metricsregistry.h"

#include <QFile>

#include <unistd.h>

namespace m1 {

TelemetryPublisher::TelemetryPublisher(MetricsRegistry &metrics, QObject *parent)
    : QObject(parent)
    , m_metrics(metrics)
    , m_rss(metrics.gauge(QStringLiteral("process.rss_bytes"), QStringLiteral("Resident memory of the process")))
    , m_metricsTimer(this)
    , m_logTimer(this)
{
    // Coarse timers: a missed millisecond does not matter, waking less often does.
    m_metricsTimer.setTimerType(Qt::CoarseTimer);
    m_logTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_metricsTimer, &QTimer::timeout, this, &TelemetryPublisher::publishMetrics);
    connect(&m_logTimer, &QTimer::timeout, this, &TelemetryPublisher::publishLogs);
}

void TelemetryPublisher::start()
{
    m_metricsTimer.start(1000);
    m_logTimer.start(250);
    publishMetrics();
}

void TelemetryPublisher::setLogSink(const LogSink *sink)
{
    m_logSink = sink;
    m_lastLogSequence = 0;
    publishLogs();
}

qint64 TelemetryPublisher::residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    // "size resident shared text lib data dt", in pages.
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return -1;
    bool ok = false;
    const qint64 pages = fields.at(1).toLongLong(&ok);
    const long pageSize = sysconf(_SC_PAGESIZE);
    return ok && pageSize > 0 ? pages * pageSize : -1;
}

void TelemetryPublisher::publishMetrics()
{
    if (const qint64 rss = residentBytes(); rss >= 0)
        m_rss.set(double(rss));
    // The console keeps its own history; each snapshot needs only the last few seconds.
    Q_EMIT metricsReady(m_metrics.snapshot(5));
}

void TelemetryPublisher::publishLogs()
{
    if (!m_logSink)
        return;
    QList<LogRecord> records = m_logSink->since(m_lastLogSequence);
    if (records.isEmpty())
        return;
    m_lastLogSequence = records.constLast().sequence;
    if (records.size() > kMaxRecordsPerBatch)
        records.remove(0, records.size() - kMaxRecordsPerBatch);
    Q_EMIT logsReady(records);
}

} // namespace m1
