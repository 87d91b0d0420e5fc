#pragma once

// Where in the user's message a value was recognised, so the filler can tell which parts of
// the text are already explained and what is left over as free text.

#include <QList>
#include <QString>

namespace m1 {

struct TextSpan
{
    int start = -1;
    int length = 0;

    bool isValid() const { return start >= 0 && length > 0; }
    int end() const { return start + length; }
    bool overlaps(const TextSpan &other) const
    {
        return isValid() && other.isValid() && start < other.end() && other.start < end();
    }
    bool contains(const TextSpan &other) const
    {
        return isValid() && other.isValid() && start <= other.start && other.end() <= end();
    }
    bool overlapsAny(const QList<TextSpan> &others) const
    {
        for (const TextSpan &o : others) {
            if (overlaps(o))
                return true;
        }
        return false;
    }
    // The smallest span covering both (either may be invalid).
    TextSpan united(const TextSpan &other) const
    {
        if (!isValid())
            return other;
        if (!other.isValid())
            return *this;
        const int s = qMin(start, other.start);
        return {s, qMax(end(), other.end()) - s};
    }
    QString of(const QString &text) const { return isValid() ? text.mid(start, length) : QString(); }

    bool operator==(const TextSpan &) const = default;
};

} // namespace m1
