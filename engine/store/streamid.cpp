#include "store/streamid.h"

namespace m1 {

std::optional<StreamId> StreamId::parse(const QByteArray &text, bool rangeEnd)
{
    if (text == "-")
        return StreamId {};
    if (text == "+")
        return max();
    const qsizetype dash = text.indexOf('-');
    bool ok = false;
    StreamId id;
    id.ms = (dash < 0 ? text : text.left(dash)).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    if (dash < 0) {
        id.seq = rangeEnd ? ~quint64(0) : 0;
        return id;
    }
    id.seq = text.mid(dash + 1).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return id;
}

} // namespace m1
