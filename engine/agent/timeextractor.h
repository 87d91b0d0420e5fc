#pragma once

// Finds times of day in English and Croatian messages: 8h, 8:30, 08.30, 8am, 8 pm, "u 8",
// "at 8", "od 8 do 12", "8-12", "from 8 to 12", "between 8 and 12", podne/noon, ponoć/midnight,
// "u 5 popodne"/"5 in the evening". A bare number counts only with a marker (u/at/od/do/...,
// a colon, am/pm, h) or as part of a range, so quantities are not mistaken for hours.
// Patterns are compiled once; extract() is const and thread-safe.

#include "agent/timematch.h"

#include <QList>
#include <QRegularExpression>

namespace m1 {

class TimeExtractor
{
public:
    TimeExtractor();

    // Sorted by position, never overlapping.
    QList<TimeMatch> extract(const QString &message) const;

    // Parses one time token as the extractor writes them ("8", "08.30", "8:30pm", "podne").
    // Invalid QTime when it is not a time of day.
    QTime parseToken(const QString &foldedToken) const;

    // Whether folded text at `pos` goes on with a unit ("km", "dana", "EUR"): the number before
    // it is a quantity, not an hour.
    bool followedByUnit(const QString &folded, int pos) const;

private:
    void addRanges(const QString &folded, QList<TimeMatch> *out) const;
    void addPrefixed(const QString &folded, QList<TimeMatch> *out) const;
    void addMarked(const QString &folded, QList<TimeMatch> *out) const;
    // Shifts to the afternoon when a part of day ("popodne", "in the evening") follows; extends
    // the span over it.
    QTime applyDayPart(const QString &folded, QTime time, int *end) const;
    static bool accept(QList<TimeMatch> *out, const TimeMatch &m);

    QRegularExpression m_range;
    QRegularExpression m_prefixed;
    QRegularExpression m_colon;
    QRegularExpression m_suffixed;
    QRegularExpression m_dotted;
    QRegularExpression m_noon;
    QRegularExpression m_token;
    QRegularExpression m_dayPartAfter;
    QRegularExpression m_unitAfter;
};

} // namespace m1
