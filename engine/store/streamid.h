#pragma once

// A Redis stream entry id, "<milliseconds>-<sequence>", ordered as Redis orders them.

#include <QByteArray>
#include <QtGlobal>

#include <compare>
#include <optional>

namespace m1 {

struct StreamId
{
    quint64 ms = 0;
    quint64 seq = 0;

    // "1700000000000-3"; "1700000000000" means seq 0, or the maximum seq when `rangeEnd`
    // (as XRANGE's end bound reads it). "-" and "+" are the smallest and largest ids.
    static std::optional<StreamId> parse(const QByteArray &text, bool rangeEnd = false);
    static StreamId max() { return { ~quint64(0), ~quint64(0) }; }
    QByteArray toBytes() const
    {
        QByteArray out = QByteArray::number(ms);
        out += '-';
        out += QByteArray::number(seq);
        return out;
    }
    // The id right after this one (for exclusive starts).
    StreamId next() const
    {
        return seq == ~quint64(0) ? StreamId { ms + 1, 0 } : StreamId { ms, seq + 1 };
    }

    auto operator<=>(const StreamId &) const = default;
};

} // namespace m1
