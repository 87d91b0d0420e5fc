#include "store/messagelogentry.h"

using namespace Qt::StringLiterals;

namespace m1 {

QString MessageLogEntry::directionName(Direction direction)
{
    return direction == Direction::In ? u"in"_s : u"out"_s;
}

MessageLogEntry::Direction MessageLogEntry::directionFromName(const QString &name)
{
    return name == u"out" ? Direction::Out : Direction::In;
}

} // namespace m1
