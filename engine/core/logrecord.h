#pragma once

// One log message after redaction: what LogSink keeps in its ring for the console and what
// LogFormatter turns into a line.

#include <QString>
#include <QtGlobal>

namespace m1 {

struct LogRecord
{
    quint64 sequence = 0; // 1, 2, 3... per sink, so a reader can ask for what is new
    qint64 timeMs = 0;    // Unix milliseconds
    QtMsgType type = QtDebugMsg;
    QString category;     // "m1.search"; "default" for plain qDebug()
    QString message;      // already redacted
    QString file;         // empty in release builds (Qt records no context there)
    int line = 0;
};

} // namespace m1
