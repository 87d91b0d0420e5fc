#include "core/logsink.h"

#include <QMutexLocker>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Qt's handler is a plain function pointer, so the installed sinks have to be found through
// process-wide state; it is confined to this file. The lock is held while a sink writes, so a
// sink cannot be destroyed under a thread that is logging into it.
QMutex &installedMutex()
{
    static QMutex mutex;
    return mutex;
}

std::vector<LogSink *> &installedSinks()
{
    static std::vector<LogSink *> sinks;
    return sinks;
}

// A message logged while a sink is writing (QFile complaining, say) must not re-enter it.
thread_local bool t_writing = false;

void writeToStderr(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

LogSink::LogSink(const Clock &clock, LogSinkOptions options)
    : m_clock(clock)
    , m_options(std::move(options))
    , m_formatter(m_options.format, m_options.secrets)
{
    m_ring.resize(size_t(std::max(1, m_options.ringCapacity)));
    if (!m_options.filePath.isEmpty()) {
        m_file.setFileName(m_options.filePath);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
            m_error = u"cannot open log file " + m_options.filePath + u": " + m_file.errorString()
                      + u"; logging to stderr instead";
        }
    }
    if (m_options.install)
        install();
}

LogSink::~LogSink()
{
    uninstall();
}

void LogSink::install()
{
    QMutexLocker lock(&installedMutex());
    m_previousHandler = qInstallMessageHandler(&LogSink::handleMessage);
    installedSinks().push_back(this);
    m_installed = true;
}

void LogSink::uninstall()
{
    if (!m_installed)
        return;
    QMutexLocker lock(&installedMutex());
    std::vector<LogSink *> &sinks = installedSinks();
    const auto it = std::find(sinks.begin(), sinks.end(), this);
    if (it + 1 == sinks.end()) {
        qInstallMessageHandler(m_previousHandler);
    } else {
        // A newer sink sits on top of this one: it inherits what this one would have restored.
        (*(it + 1))->m_previousHandler = m_previousHandler;
    }
    sinks.erase(it);
    m_installed = false;
}

void LogSink::handleMessage(QtMsgType type, const QMessageLogContext &context,
                            const QString &message)
{
    if (t_writing) {
        writeToStderr(message);
        return;
    }
    QMutexLocker lock(&installedMutex());
    if (installedSinks().empty()) {
        writeToStderr(message);
        return;
    }
    installedSinks().back()->write(type, context, message);
}

QString LogSink::errorString() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

void LogSink::setSecrets(const QStringList &secrets)
{
    QMutexLocker lock(&m_mutex);
    m_formatter = LogFormatter(m_options.format, secrets);
}

void LogSink::write(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    t_writing = true;
    {
        QMutexLocker lock(&m_mutex);
        LogRecord record = m_formatter.makeRecord(type, context, message, m_clock.nowMs());
        record.sequence = ++m_lastSequence;
        const QString line = m_formatter.formatRecord(record);
        m_ring[size_t((record.sequence - 1) % m_ring.size())] = std::move(record);
        if (m_file.isOpen()) {
            m_file.write(line.toUtf8() + '\n');
            m_file.flush(); // a crash right after must not lose the line that explains it
        } else {
            writeToStderr(line);
        }
    }
    t_writing = false;
}

QList<LogRecord> LogSink::rangeLocked(quint64 first) const
{
    const quint64 oldest = m_lastSequence > m_ring.size() ? m_lastSequence - m_ring.size() + 1 : 1;
    first = std::max(first, oldest);
    QList<LogRecord> out;
    if (first > m_lastSequence)
        return out;
    out.reserve(qsizetype(m_lastSequence - first + 1));
    for (quint64 s = first; s <= m_lastSequence; ++s)
        out.append(m_ring[size_t((s - 1) % m_ring.size())]);
    return out;
}

QList<LogRecord> LogSink::recent(int max) const
{
    QMutexLocker lock(&m_mutex);
    if (max < 0)
        return rangeLocked(1);
    if (quint64(max) >= m_lastSequence)
        return rangeLocked(1);
    return rangeLocked(m_lastSequence - quint64(max) + 1);
}

QList<LogRecord> LogSink::since(quint64 sequence) const
{
    QMutexLocker lock(&m_mutex);
    return rangeLocked(sequence + 1);
}

quint64 LogSink::lastSequence() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastSequence;
}

} // namespace m1
