#include "core/logformatter.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

const QString kMask = u"***"_s;

QString isoTime(qint64 timeMs)
{
    return QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

void appendJsonString(QString &out, const QString &text)
{
    out += u'"';
    for (QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"': out += u"\\\""; break;
        case u'\\': out += u"\\\\"; break;
        case u'\n': out += u"\\n"; break;
        case u'\r': out += u"\\r"; break;
        case u'\t': out += u"\\t"; break;
        default:
            if (u < 0x20)
                out += u"\\u" + QString::number(u, 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    out += u'"';
}

QString maskPhone(QStringView match)
{
    const bool international = match.startsWith(u'+');
    QString digits;
    digits.reserve(match.size());
    for (QChar c : match) {
        if (c.isDigit())
            digits += c;
    }
    const qsizetype keepHead = international ? 3 : 0; // the country code, at most 3 digits
    const qsizetype keepTail = 3;
    QString out;
    out.reserve(digits.size() + 1);
    if (international)
        out += u'+' + digits.left(keepHead);
    out += QString(digits.size() - keepHead - keepTail, u'*');
    out += digits.right(keepTail);
    return out;
}

} // namespace

LogFormatter::LogFormatter(Format format, const QStringList &secrets)
    : m_format(format)
{
    for (const QString &secret : secrets) {
        if (!secret.isEmpty() && !m_secrets.contains(secret))
            m_secrets.append(secret);
    }
    std::stable_sort(m_secrets.begin(), m_secrets.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString LogFormatter::levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return u"debug"_s;
    case QtInfoMsg: return u"info"_s;
    case QtWarningMsg: return u"warning"_s;
    case QtCriticalMsg: return u"critical"_s;
    case QtFatalMsg: return u"fatal"_s;
    }
    return u"info"_s;
}

QString LogFormatter::redactPhoneNumbers(const QString &text)
{
    // 8..15 digits, single spaces or dashes between them, an optional leading '+'. Not glued to
    // letters, digits, '+' or a decimal point on either side.
    static const QRegularExpression phone(
        uR"((?<![\w+.,])\+?\d(?:[ \-]?\d){7,14}(?![\w]|[.,]\d))"_s);
    static const QRegularExpression isoDate(uR"(^\d{4}-\d{2}-\d{2}(?:$|\D))"_s);
    QRegularExpressionMatchIterator it = phone.globalMatch(text);
    if (!it.hasNext())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype copied = 0;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QStringView found = m.capturedView();
        if (isoDate.match(found).hasMatch())
            continue; // a date, possibly followed by an hour
        out += QStringView(text).mid(copied, m.capturedStart() - copied);
        out += maskPhone(found);
        copied = m.capturedEnd();
    }
    out += QStringView(text).mid(copied);
    return out;
}

QString LogFormatter::redact(const QString &text) const
{
    QString out = text;
    for (const QString &secret : m_secrets)
        out.replace(secret, kMask);
    return redactPhoneNumbers(out);
}

LogRecord LogFormatter::makeRecord(QtMsgType type, const QMessageLogContext &context,
                                   const QString &message, qint64 timeMs) const
{
    LogRecord r;
    r.timeMs = timeMs;
    r.type = type;
    r.category = context.category ? QString::fromUtf8(context.category) : u"default"_s;
    r.message = redact(message);
    if (context.file)
        r.file = QString::fromUtf8(context.file);
    r.line = context.line;
    return r;
}

QString LogFormatter::textLine(const LogRecord &r) const
{
    QString line = isoTime(r.timeMs) + u' ' + levelName(r.type).leftJustified(8) + u' ' + r.category
                   + u": " + r.message;
    if (!r.file.isEmpty())
        line += u" (" + r.file + u':' + QString::number(r.line) + u')';
    return line;
}

QString LogFormatter::jsonLine(const LogRecord &r)
{
    QString line;
    line.reserve(r.message.size() + r.category.size() + r.file.size() + 96);
    line += u"{\"ts\":";
    appendJsonString(line, isoTime(r.timeMs));
    line += u",\"level\":";
    appendJsonString(line, levelName(r.type));
    line += u",\"category\":";
    appendJsonString(line, r.category);
    line += u",\"msg\":";
    appendJsonString(line, r.message);
    if (!r.file.isEmpty()) {
        line += u",\"file\":";
        appendJsonString(line, r.file);
        line += u",\"line\":" + QString::number(r.line);
    }
    line += u'}';
    return line;
}

QString LogFormatter::formatRecord(const LogRecord &record) const
{
    return m_format == Format::Json ? jsonLine(record) : textLine(record);
}

QString LogFormatter::operator()(QtMsgType type, const QMessageLogContext &context,
                                 const QString &message, const QDateTime &time) const
{
    return formatRecord(makeRecord(type, context, message, time.toMSecsSinceEpoch()));
}

} // namespace m1
