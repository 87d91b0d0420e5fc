#include "channel/jsonwriter.h"

#include <QLocale>

#include <cmath>

namespace m1 {

void JsonWriter::string(const QString &text)
{
    string(QByteArrayView(text.toUtf8()));
}

void JsonWriter::string(QByteArrayView utf8)
{
    grow(utf8.size() + 2);
    m_data[m_size++] = '"';
    static constexpr char hex[] = "0123456789abcdef";
    // Copy runs of bytes that need no escaping in one go; most text is one run.
    const char *data = utf8.data();
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto u = static_cast<unsigned char>(data[i]);
        if (u >= 0x20 && u != '"' && u != '\\')
            continue;
        put(data + runStart, i - runStart);
        runStart = i + 1;
        switch (u) {
        case '"':
            put("\\\"", 2);
            break;
        case '\\':
            put("\\\\", 2);
            break;
        case '\n':
            put("\\n", 2);
            break;
        case '\r':
            put("\\r", 2);
            break;
        case '\t':
            put("\\t", 2);
            break;
        case '\b':
            put("\\b", 2);
            break;
        case '\f':
            put("\\f", 2);
            break;
        default: {
            const char escaped[6] = { '\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xF] };
            put(escaped, 6);
        }
        }
    }
    put(data + runStart, utf8.size() - runStart);
    put('"');
}

void JsonWriter::value(QByteArrayView key, QByteArrayView utf8)
{
    writeKey(key);
    string(utf8);
    m_first = false;
}

void JsonWriter::value(QByteArrayView key, const QString &text)
{
    writeKey(key);
    string(text);
    m_first = false;
}

void JsonWriter::value(QByteArrayView key, qint64 number)
{
    writeKey(key);
    const QByteArray digits = QByteArray::number(number);
    put(digits.constData(), digits.size());
    m_first = false;
}

void JsonWriter::value(QByteArrayView key, double number)
{
    writeKey(key);
    // JSON has no NaN/Infinity; the shortest round-tripping form keeps decode(encode(x)) == x.
    if (std::isfinite(number)) {
        const QByteArray digits = QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
        put(digits.constData(), digits.size());
    } else {
        put("null", 4);
    }
    m_first = false;
}

void JsonWriter::value(QByteArrayView key, bool flag)
{
    writeKey(key);
    if (flag)
        put("true", 4);
    else
        put("false", 5);
    m_first = false;
}

void JsonWriter::element(const QString &text)
{
    separate();
    string(text);
}

} // namespace m1
