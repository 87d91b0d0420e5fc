#pragma once

// Where the process's log messages go. main() creates one LogSink and passes it to whoever
// needs to read logs (the console's log panel); it is not a singleton. While it lives it is
// Qt's message handler — which is process-wide by Qt's design — and it writes every message,
// redacted and formatted by a LogFormatter, to stderr or a file, keeping the most recent
// records in a bounded ring that any thread may read. On destruction the handler that was
// installed before it comes back. Sinks may nest (a test inside an application); destroying
// them in any order is safe.
//
// It has no signals: readers poll since(lastSeenSequence), which costs nothing when idle and
// keeps GUI concerns out of the engine.

#include "core/clock.h"
#include "core/logformatter.h"
#include "core/logrecord.h"

#include <QFile>
#include <QList>
#include <QMutex>
#include <QStringList>

#include <vector>

namespace m1 {

struct LogSinkOptions
{
    LogFormatter::Format format = LogFormatter::Format::Text;
    QString filePath;       // empty → stderr; appended to, created when missing
    QStringList secrets;    // masked in every message
    int ringCapacity = 2000;
    bool install = true;    // false: only write() feeds it (tests, tools that route logs themselves)
};

class LogSink
{
public:
    explicit LogSink(const Clock &clock, LogSinkOptions options = {});
    ~LogSink();
    LogSink(const LogSink &) = delete;
    LogSink &operator=(const LogSink &) = delete;

    // Empty unless the log file could not be opened; the sink then writes to stderr.
    QString errorString() const;
    bool isInstalled() const { return m_installed; }

    // Secrets often become known after logging starts (read from the config).
    void setSecrets(const QStringList &secrets);

    // What the message handler calls; thread-safe.
    void write(QtMsgType type, const QMessageLogContext &context, const QString &message);

    // Oldest first. `max` < 0: the whole ring.
    QList<LogRecord> recent(int max = -1) const;
    // The records newer than `sequence` that the ring still holds.
    QList<LogRecord> since(quint64 sequence) const;
    quint64 lastSequence() const;

private:
    static void handleMessage(QtMsgType type, const QMessageLogContext &context,
                              const QString &message);
    void install();
    void uninstall();
    QList<LogRecord> rangeLocked(quint64 first) const;

    const Clock &m_clock;
    const LogSinkOptions m_options;
    mutable QMutex m_mutex;
    LogFormatter m_formatter;
    QFile m_file;
    QString m_error;
    std::vector<LogRecord> m_ring;
    quint64 m_lastSequence = 0;
    bool m_installed = false;
    QtMessageHandler m_previousHandler = nullptr;
};

} // namespace m1
