#pragma once

// A minimal append-only JSON writer for the records this module serialises on the hot path
// (one per inbound message, into the Redis Stream). Building a QJsonObject first costs a
// container, a sorted insert per key and a second walk; writing the bytes directly does not.
// The caller is responsible for well-formed nesting; keys are trusted ASCII literals.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstring>

namespace m1 {

class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 256) { grow(reserve); }

    void beginObject()
    {
        separate();
        put('{');
        m_first = true;
    }
    void endObject()
    {
        put('}');
        m_first = false;
    }
    void beginArray(QByteArrayView key)
    {
        writeKey(key);
        put('[');
        m_first = true;
    }
    void beginArray()
    {
        separate();
        put('[');
        m_first = true;
    }
    void endArray()
    {
        put(']');
        m_first = false;
    }
    void beginObject(QByteArrayView key)
    {
        writeKey(key);
        put('{');
        m_first = true;
    }

    void value(QByteArrayView key, const QString &text);
    void value(QByteArrayView key, QByteArrayView utf8); // already UTF-8: escaped, not re-encoded
    void value(QByteArrayView key, qint64 number);
    void value(QByteArrayView key, double number);
    void value(QByteArrayView key, bool flag);
    // Arrays of strings/numbers: the element variants, without a key.
    void element(const QString &text);

    // Only writes the member when it carries information, to keep the records small.
    void optional(QByteArrayView key, const QString &text)
    {
        if (!text.isEmpty())
            value(key, text);
    }
    void optional(QByteArrayView key, qint64 number)
    {
        if (number != 0)
            value(key, number);
    }

    QByteArray take()
    {
        m_out.truncate(m_size);
        m_size = 0;
        m_data = nullptr;
        return std::move(m_out);
    }

    // Appends `text` as a quoted, escaped JSON string (UTF-8).
    void string(const QString &text);
    void string(QByteArrayView utf8);

private:
    // Bytes go into a buffer the writer sizes itself: QByteArray::append costs a detach and
    // growth check per call, which dominated the profile of a record's ~60 small appends.
    void grow(qsizetype extra)
    {
        if (m_size + extra <= m_out.size())
            return;
        m_out.resize(qMax(m_size + extra, 2 * m_out.size() + 64));
        m_data = m_out.data();
    }
    void put(char c)
    {
        grow(1);
        m_data[m_size++] = c;
    }
    void put(const char *bytes, qsizetype n)
    {
        if (n <= 0)
            return; // an empty view may carry a null pointer, which memcpy must not get
        grow(n);
        memcpy(m_data + m_size, bytes, size_t(n));
        m_size += n;
    }
    void separate()
    {
        if (!m_first)
            put(',');
        m_first = false;
    }
    void writeKey(QByteArrayView key)
    {
        separate();
        grow(key.size() + 3);
        m_data[m_size++] = '"';
        memcpy(m_data + m_size, key.data(), size_t(key.size()));
        m_size += key.size();
        m_data[m_size++] = '"';
        m_data[m_size++] = ':';
        m_first = true; // the value that follows needs no comma
    }

    QByteArray m_out;
    char *m_data = nullptr;
    qsizetype m_size = 0;
    bool m_first = true;
};

} // namespace m1
