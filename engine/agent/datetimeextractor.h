#pragma once

// Dates and times of one message put together: each time goes to the date nearest to it
// ("sutra u 8 i prekosutra u 9"), a bare hour right after a date counts ("tomorrow 8"), and a
// time said without any date means its next occurrence (today, or tomorrow once it has passed).

#include "agent/dateextractor.h"
#include "agent/datetimerange.h"
#include "agent/timeextractor.h"

namespace m1 {

class DateTimeExtractor
{
public:
    explicit DateTimeExtractor(const Clock &clock,
                               QTimeZone zone = QTimeZone(QByteArrayLiteral("Europe/Zagreb")));

    // Sorted by position.
    QList<DateTimeRange> extract(const QString &message) const;

    const DateExtractor &dates() const { return m_dates; }
    const TimeExtractor &times() const { return m_times; }
    const QTimeZone &timeZone() const { return m_dates.timeZone(); }

private:
    QList<TimeMatch> bareHoursAfterDates(const QString &folded, const QList<DateMatch> &dates,
                                         const QList<TimeMatch> &times) const;

    const Clock &m_clock;
    DateExtractor m_dates;
    TimeExtractor m_times;
    QRegularExpression m_bareHour;
};

} // namespace m1
