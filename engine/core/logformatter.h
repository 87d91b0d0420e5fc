#pragma once

// Turns a Qt log message into one line: human text, or one JSON object per line
// {"ts","level","category","msg","file"?,"line"?} for log shippers. Before anything is written
// it redacts what must never reach a log: the secrets it is given (API keys, tokens, app
// secrets → "***") and phone numbers (8–15 digits, optionally with a leading '+' and
// spaces/dashes between digits), of which only a leading country code and the last three
// digits stay: "+385 91 234 5123" → "+385******123", "0912345123" → "*******123".
// ISO dates ("2024-05-01") and decimals ("3.14159265") are not taken for phone numbers.
//
// A pure function object: no state besides its configuration, safe to call from any thread.

#include "core/logrecord.h"

#include <QDateTime>
#include <QStringList>
#include <QtGlobal>

class QMessageLogContext;

namespace m1 {

class LogFormatter
{
public:
    enum class Format { Text, Json };

    explicit LogFormatter(Format format = Format::Text, const QStringList &secrets = {});

    // The whole path: redact, then format (no trailing newline).
    QString operator()(QtMsgType type, const QMessageLogContext &context, const QString &message,
                       const QDateTime &time) const;

    // The redacted record for the message (sequence left 0).
    LogRecord makeRecord(QtMsgType type, const QMessageLogContext &context, const QString &message,
                         qint64 timeMs) const;
    QString formatRecord(const LogRecord &record) const;

    QString redact(const QString &text) const;
    static QString redactPhoneNumbers(const QString &text);
    static QString levelName(QtMsgType type); // debug, info, warning, critical, fatal

    Format format() const { return m_format; }
    const QStringList &secrets() const { return m_secrets; }

private:
    QString textLine(const LogRecord &record) const;
    static QString jsonLine(const LogRecord &record);

    Format m_format;
    QStringList m_secrets; // longest first, so a secret containing another is masked whole
};

} // namespace m1
