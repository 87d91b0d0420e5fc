#pragma once

// Sends what the console charts and lists, as values, from the engine's thread: a metrics
// snapshot every second (with the process's resident memory as the gauge "process.rss_bytes")
// and the log records written since the last look, a few times a second. Readers never touch
// the registry or the log sink; the logging threads never wait for a reader.

#include "core/logrecord.h"
#include "core/metricssnapshot.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace m1 {

class Gauge;
class LogSink;
class MetricsRegistry;

class TelemetryPublisher : public QObject
{
    Q_OBJECT

public:
    explicit TelemetryPublisher(MetricsRegistry &metrics, QObject *parent = nullptr);

    // Starts the timers; call on the thread this object lives in.
    void start();

    // sink may be null (no log feed). Not owned; must outlive this publisher.
    void setLogSink(const LogSink *sink);
    // At most this many records per emission: a flood is shown as its most recent part.
    static constexpr int kMaxRecordsPerBatch = 1000;

    // Resident set size of this process in bytes (Linux /proc/self/statm), -1 when unknown.
    static qint64 residentBytes();

Q_SIGNALS:
    void metricsReady(const m1::MetricsSnapshot &snapshot);
    void logsReady(const QList<m1::LogRecord> &records);

private:
    void publishMetrics();
    void publishLogs();

    MetricsRegistry &m_metrics;
    Gauge &m_rss;
    QTimer m_metricsTimer;
    QTimer m_logTimer;
    const LogSink *m_logSink = nullptr;
    quint64 m_lastLogSequence = 0;
};

} // namespace m1
