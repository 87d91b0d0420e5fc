#pragma once

#include "agent/textspan.h"

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

namespace m1 {

// A date with the times said for it: "sutra od 8 do 12" → tomorrow, 08:00, 12:00;
// "3.12." → that day with no time; "u 8" → the next 08:00.
struct DateTimeRange
{
    QDate date;
    QTime startTime; // invalid when no time was said (or only an end: "do 12")
    QTime endTime;   // invalid unless a range or an end ("do 12") was said
    TextSpan span;

    bool hasTime() const { return startTime.isValid() || endTime.isValid(); }
    // date + startTime, or the start of the day when no start time was said.
    QDateTime start(const QTimeZone &zone) const
    {
        return QDateTime(date, startTime.isValid() ? startTime : QTime(0, 0), zone);
    }
    // date + endTime; invalid when no end time was said.
    QDateTime end(const QTimeZone &zone) const
    {
        return endTime.isValid() ? QDateTime(date, endTime, zone) : QDateTime();
    }

    bool operator==(const DateTimeRange &) const = default;
};

} // namespace m1
