#pragma once

// Finds dates in English and Croatian messages: absolute ones (2026-12-03, 3.12.2026., 3.12.,
// 03/12/2026, "3rd of December", "3. prosinca") and relative ones (today/danas, sutra,
// prekosutra, "next Monday", "iduci pon", "za 3 dana", "next week", weekdays in their inflected
// forms, with or without diacritics, with small typos). "Today" comes from the injected clock
// in the injected time zone. Patterns are compiled once, in the constructor; extract() is
// const and safe to call from several threads.
//
// Weekdays: a bare weekday ("u petak") is the next such day counting today; "next/sljedeći/
// idući" skips today; "last/prošli" is the previous one. A date without a year is this year's,
// unless that lies more than 30 days back, then next year's (people book ahead).

#include "agent/datematch.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QTimeZone>

namespace m1 {

class Clock;

class DateExtractor
{
public:
    explicit DateExtractor(const Clock &clock,
                           QTimeZone zone = QTimeZone(QByteArrayLiteral("Europe/Zagreb")));

    QDate today() const;
    const QTimeZone &timeZone() const { return m_zone; }

    // Sorted by position, never overlapping.
    QList<DateMatch> extract(const QString &message) const;

private:
    enum class WeekdayQualifier { None, Next, Last };

    void addAbsolute(const QString &folded, QDate today, QList<DateMatch> *out) const;
    void addRelative(const QString &folded, QDate today, QList<DateMatch> *out) const;
    void addWeekdays(const QString &folded, QDate today, QList<DateMatch> *out) const;
    void addFuzzy(const QString &folded, QDate today, QList<DateMatch> *out) const;

    QDate withInferredYear(int day, int month, QDate today) const;
    static QDate resolveWeekday(int weekday, WeekdayQualifier qualifier, QDate today);
    WeekdayQualifier qualifierOf(const QString &word) const;
    static int yearOf(const QString &text);
    static bool accept(QList<DateMatch> *out, const DateMatch &m);

    const Clock &m_clock;
    QTimeZone m_zone;

    QRegularExpression m_iso;
    QRegularExpression m_dayMonthName;
    QRegularExpression m_monthNameDay;
    QRegularExpression m_dotted;
    QRegularExpression m_slashed;
    QRegularExpression m_timePrefixBefore;
    QRegularExpression m_relativeWord;
    QRegularExpression m_inDays;
    QRegularExpression m_daysFromNow;
    QRegularExpression m_inAWeek;
    QRegularExpression m_nextPeriod;
    QRegularExpression m_weekdayLong;
    QRegularExpression m_weekdayShort;

    QHash<QString, int> m_months;       // folded name or stem → 1..12
    QHash<QString, int> m_weekdays;     // folded form → 1 (Monday) .. 7
    QHash<QString, int> m_relativeDays; // folded word → offset from today
    QHash<QString, int> m_numberWords;  // "three", "tri" → 3
    QHash<QString, WeekdayQualifier> m_qualifiers;
    struct FuzzyWord
    {
        QString word;
        int weekday = 0; // 1..7, or 0 for a relative day word
        int offset = 0;  // days from today when weekday == 0
    };
    QList<FuzzyWord> m_fuzzyWords; // long words matched with small typos ("tomorow", "ponedjeljek")
};

} // namespace m1
