#include "agent/datetimeextractor.h"

#include "agent/textfold.h"
#include "core/clock.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace m1 {

DateTimeExtractor::DateTimeExtractor(const Clock &clock, QTimeZone zone)
    : m_clock(clock)
    , m_dates(clock, std::move(zone))
    , m_bareHour(u"^(\\s*,?\\s*)(\\d{1,2}(?:[:.]\\d{2})?)(?![\\d\\p{L}]|[.:/,]\\d)"_s,
                 QRegularExpression::UseUnicodePropertiesOption)
{
}

QList<TimeMatch> DateTimeExtractor::bareHoursAfterDates(const QString &folded,
                                                        const QList<DateMatch> &dates,
                                                        const QList<TimeMatch> &times) const
{
    QList<TimeMatch> out;
    for (const DateMatch &d : dates) {
        const int at = d.span.end();
        const auto m = m_bareHour.match(folded.mid(at));
        if (!m.hasMatch())
            continue;
        const TextSpan span{at + int(m.capturedStart(2)), int(m.capturedLength(2))};
        bool taken = false;
        for (const TimeMatch &t : times)
            taken = taken || t.span.overlaps(span);
        for (const DateMatch &other : dates)
            taken = taken || other.span.overlaps(span);
        if (taken || m_times.followedByUnit(folded, span.end()))
            continue;
        const QTime time = m_times.parseToken(m.captured(2));
        if (time.isValid())
            out.append({time, QTime(), span});
    }
    return out;
}

QList<DateTimeRange> DateTimeExtractor::extract(const QString &message) const
{
    const QString folded = TextFold::fold(message);
    const QList<DateMatch> dates = m_dates.extract(message);
    QList<TimeMatch> times;
    for (const TimeMatch &t : m_times.extract(message)) {
        bool overlapsDate = false;
        for (const DateMatch &d : dates)
            overlapsDate = overlapsDate || d.span.overlaps(t.span);
        if (!overlapsDate)
            times.append(t);
    }
    times.append(bareHoursAfterDates(folded, dates, times));
    std::sort(times.begin(), times.end(),
              [](const TimeMatch &a, const TimeMatch &b) { return a.span.start < b.span.start; });

    QList<DateTimeRange> ranges;
    for (const DateMatch &d : dates)
        ranges.append({d.date, QTime(), QTime(), d.span});
    const int dateCount = int(ranges.size());

    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), timeZone());
    for (const TimeMatch &t : std::as_const(times)) {
        // The nearest date, by characters between them; a date before the time wins a tie.
        int best = -1;
        int bestGap = std::numeric_limits<int>::max();
        for (int i = 0; i < dateCount; ++i) {
            const TextSpan &ds = ranges.at(i).span;
            const int gap = ds.end() <= t.span.start ? t.span.start - ds.end()
                                                     : qMax(0, ds.start - t.span.end()) + 1;
            if (gap < bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        if (best >= 0) {
            DateTimeRange &r = ranges[best];
            const bool mergeEnd = r.startTime.isValid() && !r.endTime.isValid() && !t.start.isValid()
                && t.end.isValid() && r.startTime <= t.end;
            if (!r.hasTime() || mergeEnd) {
                if (t.start.isValid())
                    r.startTime = t.start;
                if (t.end.isValid())
                    r.endTime = t.end;
                r.span = r.span.united(t.span);
                continue;
            }
            ranges.append({r.date, t.start, t.end, t.span});
            continue;
        }
        // No date at all: the next time this hour comes round.
        const QTime first = t.start.isValid() ? t.start : t.end;
        const QDate date = first >= now.time() ? now.date() : now.date().addDays(1);
        ranges.append({date, t.start, t.end, t.span});
    }
    std::sort(ranges.begin(), ranges.end(), [](const DateTimeRange &a, const DateTimeRange &b) {
        return a.span.start < b.span.start;
    });
    // A lone end time after a date's start ("sutra od 8, pa do 12") is that date's range.
    for (int i = 0; i + 1 < ranges.size(); ++i) {
        DateTimeRange &a = ranges[i];
        const DateTimeRange &b = ranges.at(i + 1);
        if (a.date == b.date && a.startTime.isValid() && !a.endTime.isValid() && !b.startTime.isValid()
            && b.endTime.isValid() && a.startTime <= b.endTime) {
            a.endTime = b.endTime;
            a.span = a.span.united(b.span);
            ranges.removeAt(i + 1);
        }
    }
    return ranges;
}

} // namespace m1
