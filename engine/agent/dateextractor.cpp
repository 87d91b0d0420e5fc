#include "agent/dateextractor.h"

#include "agent/textfold.h"
#include "core/clock.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

constexpr auto kOptions = QRegularExpression::UseUnicodePropertiesOption;

struct NamedValue
{
    const char16_t *name;
    int value;
};

// Folded (lower case, no diacritics) month names with their Croatian case forms.
constexpr NamedValue kMonths[] = {
    {u"january", 1}, {u"jan", 1}, {u"sijecanj", 1}, {u"sijecnja", 1}, {u"sijecnju", 1},
    {u"february", 2}, {u"feb", 2}, {u"veljaca", 2}, {u"veljace", 2}, {u"veljaci", 2},
    {u"march", 3}, {u"mar", 3}, {u"ozujak", 3}, {u"ozujka", 3}, {u"ozujku", 3},
    {u"april", 4}, {u"apr", 4}, {u"travanj", 4}, {u"travnja", 4}, {u"travnju", 4},
    {u"may", 5}, {u"svibanj", 5}, {u"svibnja", 5}, {u"svibnju", 5},
    {u"june", 6}, {u"jun", 6}, {u"lipanj", 6}, {u"lipnja", 6}, {u"lipnju", 6},
    {u"july", 7}, {u"jul", 7}, {u"srpanj", 7}, {u"srpnja", 7}, {u"srpnju", 7},
    {u"august", 8}, {u"aug", 8}, {u"kolovoz", 8}, {u"kolovoza", 8}, {u"kolovozu", 8},
    {u"september", 9}, {u"sept", 9}, {u"sep", 9}, {u"rujan", 9}, {u"rujna", 9}, {u"rujnu", 9},
    {u"october", 10}, {u"oct", 10}, {u"listopad", 10}, {u"listopada", 10}, {u"listopadu", 10},
    {u"november", 11}, {u"nov", 11}, {u"studeni", 11}, {u"studenog", 11}, {u"studenoga", 11},
    {u"studenom", 11},
    {u"december", 12}, {u"dec", 12}, {u"prosinac", 12}, {u"prosinca", 12}, {u"prosincu", 12},
};

// Weekday forms that are safe on their own (full names, Croatian cases, common misspellings).
constexpr NamedValue kWeekdaysLong[] = {
    {u"monday", 1}, {u"ponedjeljak", 1}, {u"ponedjeljka", 1}, {u"ponedjeljkom", 1},
    {u"ponedeljak", 1}, {u"ponedeljka", 1}, {u"pondjeljak", 1},
    {u"tuesday", 2}, {u"tues", 2}, {u"utorak", 2}, {u"utorka", 2}, {u"utorkom", 2},
    {u"wednesday", 3}, {u"wednsday", 3}, {u"srijeda", 3}, {u"srijedu", 3}, {u"srijede", 3},
    {u"srijedom", 3}, {u"sreda", 3}, {u"sredu", 3}, {u"srjeda", 3}, {u"srjedu", 3},
    {u"thursday", 4}, {u"thurs", 4}, {u"thur", 4}, {u"cetvrtak", 4}, {u"cetvrtka", 4},
    {u"cetvrtkom", 4}, {u"cetrtak", 4},
    {u"friday", 5}, {u"petak", 5}, {u"petka", 5}, {u"petkom", 5},
    {u"saturday", 6}, {u"subota", 6}, {u"subotu", 6}, {u"subote", 6}, {u"subotom", 6},
    {u"sunday", 7}, {u"nedjelja", 7}, {u"nedjelju", 7}, {u"nedjelje", 7}, {u"nedjeljom", 7},
    {u"nedelja", 7}, {u"nedelju", 7},
};

// Abbreviations that are ordinary words too ("pet" is five, "sat" an hour): only after a qualifier.
constexpr NamedValue kWeekdaysShort[] = {
    {u"mon", 1}, {u"pon", 1}, {u"tue", 2}, {u"uto", 2}, {u"wed", 3}, {u"sri", 3},
    {u"thu", 4}, {u"cet", 4}, {u"fri", 5}, {u"pet", 5}, {u"sat", 6}, {u"sub", 6},
    {u"sun", 7}, {u"ned", 7},
};

constexpr NamedValue kRelativeDays[] = {
    {u"today", 0}, {u"danas", 0}, {u"tonight", 0}, {u"veceras", 0},
    {u"tomorrow", 1}, {u"tmrw", 1}, {u"sutra", 1},
    {u"day after tomorrow", 2}, {u"prekosutra", 2},
    {u"yesterday", -1}, {u"jucer", -1}, {u"day before yesterday", -2}, {u"prekjucer", -2},
};

constexpr NamedValue kNumberWords[] = {
    {u"a", 1}, {u"an", 1}, {u"one", 1}, {u"jedan", 1}, {u"jedna", 1}, {u"jednog", 1},
    {u"two", 2}, {u"dva", 2}, {u"dvije", 2}, {u"three", 3}, {u"tri", 3}, {u"four", 4},
    {u"cetiri", 4}, {u"five", 5}, {u"pet", 5}, {u"six", 6}, {u"sest", 6}, {u"seven", 7},
    {u"sedam", 7}, {u"eight", 8}, {u"osam", 8}, {u"nine", 9}, {u"devet", 9}, {u"ten", 10},
    {u"deset", 10},
};

QString alternation(const QStringList &words)
{
    QStringList sorted = words;
    // Longest first so "ponedjeljka" wins over "pon".
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (QString &w : sorted)
        w = QRegularExpression::escape(w).replace(u"\\ "_s, u"\\s+"_s);
    return sorted.join(u'|');
}

template<std::size_t N>
QHash<QString, int> toHash(const NamedValue (&values)[N])
{
    QHash<QString, int> out;
    for (const NamedValue &v : values)
        out.insert(QString::fromUtf16(v.name), v.value);
    return out;
}

QRegularExpression compile(const QString &pattern)
{
    QRegularExpression re(pattern, kOptions);
    Q_ASSERT_X(re.isValid(), "DateExtractor", qPrintable(re.errorString()));
    return re;
}

} // namespace

DateExtractor::DateExtractor(const Clock &clock, QTimeZone zone)
    : m_clock(clock)
    , m_zone(zone.isValid() ? std::move(zone) : QTimeZone::utc())
    , m_months(toHash(kMonths))
    , m_relativeDays(toHash(kRelativeDays))
    , m_numberWords(toHash(kNumberWords))
{
    QHash<QString, int> shortDays = toHash(kWeekdaysShort);
    m_weekdays = toHash(kWeekdaysLong);
    const QString months = alternation(m_months.keys());
    const QString longDays = alternation(m_weekdays.keys());
    const QString shortDayAlt = alternation(shortDays.keys());
    m_weekdays.insert(shortDays);

    const QStringList next = {u"next"_s, u"coming"_s, u"sljedeci"_s, u"sljedeceg"_s,
                              u"sljedece"_s, u"sljedecu"_s, u"slijedeci"_s, u"slijedeceg"_s,
                              u"iduci"_s, u"iduceg"_s, u"iduce"_s, u"iducu"_s, u"naredni"_s,
                              u"narednog"_s, u"narednu"_s, u"naredne"_s};
    const QStringList last = {u"last"_s, u"previous"_s, u"prosli"_s, u"proslog"_s,
                              u"proslu"_s, u"prosle"_s, u"prosla"_s};
    const QStringList current = {u"this"_s, u"on"_s, u"ovaj"_s, u"ovog"_s, u"ovoga"_s,
                                 u"ovu"_s, u"ove"_s, u"ovo"_s, u"u"_s, u"na"_s, u"za"_s,
                                 u"do"_s, u"od"_s, u"by"_s, u"until"_s, u"from"_s};
    for (const QString &w : next)
        m_qualifiers.insert(w, WeekdayQualifier::Next);
    for (const QString &w : last)
        m_qualifiers.insert(w, WeekdayQualifier::Last);
    for (const QString &w : current)
        m_qualifiers.insert(w, WeekdayQualifier::None);
    const QString anyQualifier = alternation(next + last + current);
    const QString strongQualifier = alternation(next + last + QStringList{u"this"_s, u"on"_s, u"ovaj"_s,
                                                                          u"ovog"_s, u"ovu"_s});

    m_iso = compile(u"(?<![\\d.])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d])"_s);
    m_dayMonthName = compile(u"(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s*(?:of\\s+)?("_s + months
                             + u")(?![\\p{L}])\\.?(?:,?\\s*(\\d{4})(?!\\d)\\.?)?"_s);
    m_monthNameDay = compile(u"(?<![\\p{L}])("_s + months
                             + u")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d\\p{L}])(?:,?\\s*(\\d{4})(?!\\d))?"_s);
    m_dotted = compile(u"(?<![\\d.,:])(\\d{1,2})\\.\\s?(\\d{1,2})\\.(?:\\s?(\\d{4}|\\d{2})(?!\\d)\\.?)?"_s);
    m_slashed = compile(u"(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\d/])"_s);
    // "u 8.30." is a time, not the 8th of March: the extractor checks what precedes a dotted date.
    m_timePrefixBefore = compile(u"(?:^|[^\\p{L}])(?:u|at|oko|around)\\s*$"_s);

    QStringList relWords;
    for (const NamedValue &v : kRelativeDays)
        relWords.append(QString::fromUtf16(v.name));
    m_relativeWord = compile(u"(?<![\\p{L}])("_s + alternation(relWords) + u")(?![\\p{L}])"_s);

    QStringList numberWords = m_numberWords.keys();
    const QString count = u"(\\d{1,3}|"_s + alternation(numberWords) + u")"_s;
    const QString unit = u"(days?|dana|dan|weeks?|tjedna|tjedan|tjedana)"_s;
    m_inDays = compile(u"(?<![\\p{L}])(?:in|za|within)\\s+"_s + count + u"\\s+"_s + unit + u"(?![\\p{L}])"_s);
    m_daysFromNow = compile(u"(?<![\\p{L}\\d])"_s + count + u"\\s+"_s + unit + u"\\s+(?:from\\s+(?:now|today)|od\\s+danas)(?![\\p{L}])"_s);
    m_inAWeek = compile(u"(?<![\\p{L}])za\\s+tjedan(?:\\s+dana)?(?![\\p{L}])"_s);
    m_nextPeriod = compile(u"(?<![\\p{L}])("_s + alternation(next)
                           + u")\\s+(week|tjedan|tjedna|tjednu|month|mjesec|mjeseca|mjesecu)(?![\\p{L}])"_s);

    m_weekdayLong = compile(u"(?<![\\p{L}])(?:("_s + anyQualifier + u")\\s+)?("_s + longDays
                            + u")(?![\\p{L}])"_s);
    m_weekdayShort = compile(u"(?<![\\p{L}])("_s + strongQualifier + u")\\s+("_s + shortDayAlt
                             + u")(?![\\p{L}])\\.?"_s);

    const QStringList fuzzyDays = {u"monday"_s, u"tuesday"_s, u"wednesday"_s, u"thursday"_s,
                                   u"friday"_s, u"saturday"_s, u"sunday"_s, u"ponedjeljak"_s,
                                   u"ponedjeljka"_s, u"utorak"_s, u"utorka"_s, u"srijeda"_s,
                                   u"srijedu"_s, u"cetvrtak"_s, u"cetvrtka"_s, u"subota"_s,
                                   u"subotu"_s, u"nedjelja"_s, u"nedjelju"_s};
    for (const QString &d : fuzzyDays)
        m_fuzzyWords.append({d, m_weekdays.value(d), 0});
    for (const auto &w : {std::pair{u"tomorrow"_s, 1}, std::pair{u"yesterday"_s, -1},
                          std::pair{u"prekosutra"_s, 2}, std::pair{u"prekjucer"_s, -2}})
        m_fuzzyWords.append({w.first, 0, w.second});
}

QDate DateExtractor::today() const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), m_zone).date();
}

QList<DateMatch> DateExtractor::extract(const QString &message) const
{
    const QString folded = TextFold::fold(message);
    const QDate now = today();
    QList<DateMatch> out;
    addAbsolute(folded, now, &out);
    addRelative(folded, now, &out);
    addWeekdays(folded, now, &out);
    addFuzzy(folded, now, &out);
    std::sort(out.begin(), out.end(),
              [](const DateMatch &a, const DateMatch &b) { return a.span.start < b.span.start; });
    return out;
}

bool DateExtractor::accept(QList<DateMatch> *out, const DateMatch &m)
{
    if (!m.date.isValid())
        return false;
    for (const DateMatch &existing : std::as_const(*out)) {
        if (existing.span.overlaps(m.span))
            return false;
    }
    out->append(m);
    return true;
}

int DateExtractor::yearOf(const QString &text)
{
    if (text.isEmpty())
        return 0;
    const int y = text.toInt();
    return text.size() == 2 ? 2000 + y : y;
}

QDate DateExtractor::withInferredYear(int day, int month, QDate today) const
{
    QDate candidate(today.year(), month, day);
    if (candidate.isValid() && candidate < today.addDays(-30))
        candidate = QDate(today.year() + 1, month, day);
    return candidate;
}

void DateExtractor::addAbsolute(const QString &folded, QDate today, QList<DateMatch> *out) const
{
    const auto spanOf = [](const QRegularExpressionMatch &m) {
        return TextSpan{int(m.capturedStart(0)), int(m.capturedLength(0))};
    };
    for (auto it = m_iso.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        accept(out, {QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()), spanOf(m)});
    }
    const auto dayMonth = [&](const QRegularExpressionMatch &m, int dayGroup, int monthGroup, int yearGroup) {
        const int day = m.captured(dayGroup).toInt();
        const int month = m_months.value(m.captured(monthGroup));
        const int year = yearOf(m.captured(yearGroup));
        const QDate date = year ? QDate(year, month, day) : withInferredYear(day, month, today);
        accept(out, {date, spanOf(m)});
    };
    for (auto it = m_dayMonthName.globalMatch(folded); it.hasNext();)
        dayMonth(it.next(), 1, 2, 3);
    for (auto it = m_monthNameDay.globalMatch(folded); it.hasNext();)
        dayMonth(it.next(), 2, 1, 3);
    for (auto it = m_dotted.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        const bool hasYear = m.capturedLength(3) > 0;
        if (!hasYear && m_timePrefixBefore.match(folded.left(m.capturedStart(0))).hasMatch())
            continue;
        const int day = m.captured(1).toInt();
        const int month = m.captured(2).toInt();
        accept(out, {hasYear ? QDate(yearOf(m.captured(3)), month, day) : withInferredYear(day, month, today),
                     spanOf(m)});
    }
    for (auto it = m_slashed.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        const int day = m.captured(1).toInt();
        const int month = m.captured(2).toInt();
        const int year = yearOf(m.captured(3));
        accept(out, {year ? QDate(year, month, day) : withInferredYear(day, month, today), spanOf(m)});
    }
}

void DateExtractor::addRelative(const QString &folded, QDate today, QList<DateMatch> *out) const
{
    const auto span = [](const QRegularExpressionMatch &m) {
        return TextSpan{int(m.capturedStart(0)), int(m.capturedLength(0))};
    };
    const auto unitDays = [](const QString &unit) {
        return unit.startsWith(u"week") || unit.startsWith(u"tjed") ? 7 : 1;
    };
    const auto countOf = [this](const QString &text) {
        bool ok = false;
        const int n = text.toInt(&ok);
        return ok ? n : m_numberWords.value(text, 0);
    };
    for (const QRegularExpression *re : {&m_inDays, &m_daysFromNow}) {
        for (auto it = re->globalMatch(folded); it.hasNext();) {
            const auto m = it.next();
            const int n = countOf(m.captured(1));
            if (n > 0)
                accept(out, {today.addDays(qint64(n) * unitDays(m.captured(2))), span(m), true});
        }
    }
    for (auto it = m_inAWeek.globalMatch(folded); it.hasNext();)
        accept(out, {today.addDays(7), span(it.next()), true});
    for (auto it = m_nextPeriod.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        const QString unit = m.captured(2);
        QDate date;
        if (unit.startsWith(u"m")) // next month: its first day
            date = QDate(today.year(), today.month(), 1).addMonths(1);
        else // next week: its Monday
            date = today.addDays(8 - today.dayOfWeek());
        accept(out, {date, span(m), true});
    }
    QString collapsed;
    for (auto it = m_relativeWord.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        collapsed = m.captured(1).simplified();
        accept(out, {today.addDays(m_relativeDays.value(collapsed)), span(m), true});
    }
}

DateExtractor::WeekdayQualifier DateExtractor::qualifierOf(const QString &word) const
{
    return m_qualifiers.value(word, WeekdayQualifier::None);
}

QDate DateExtractor::resolveWeekday(int weekday, WeekdayQualifier qualifier, QDate today)
{
    const int todayDow = today.dayOfWeek();
    int ahead = (weekday - todayDow + 7) % 7;
    switch (qualifier) {
    case WeekdayQualifier::Next:
        return today.addDays(ahead == 0 ? 7 : ahead);
    case WeekdayQualifier::Last: {
        const int back = (todayDow - weekday + 7) % 7;
        return today.addDays(-(back == 0 ? 7 : back));
    }
    case WeekdayQualifier::None:
        break;
    }
    return today.addDays(ahead);
}

void DateExtractor::addWeekdays(const QString &folded, QDate today, QList<DateMatch> *out) const
{
    for (const QRegularExpression *re : {&m_weekdayShort, &m_weekdayLong}) {
        for (auto it = re->globalMatch(folded); it.hasNext();) {
            const auto m = it.next();
            const int weekday = m_weekdays.value(m.captured(2));
            const WeekdayQualifier q = qualifierOf(m.captured(1));
            // Only "next"/"last" qualifiers belong to the date; "u", "za", "do" stay free words
            // so the time extractor can still see "do" and "od".
            const bool keepQualifier = m.capturedLength(1) > 0 && q != WeekdayQualifier::None;
            const int start = int(keepQualifier ? m.capturedStart(1) : m.capturedStart(2));
            const TextSpan span{start, int(m.capturedEnd(0)) - start};
            accept(out, {resolveWeekday(weekday, q, today), span, true});
        }
    }
}

void DateExtractor::addFuzzy(const QString &folded, QDate today, QList<DateMatch> *out) const
{
    const QList<TextFold::Word> words = TextFold::words(folded);
    QList<TextSpan> taken;
    for (const DateMatch &d : std::as_const(*out))
        taken.append(d.span);
    for (int i = 0; i < words.size(); ++i) {
        const TextFold::Word &w = words.at(i);
        if (w.text.size() < 6)
            continue;
        const TextSpan span{w.start, int(w.text.size())};
        if (span.overlapsAny(taken))
            continue;
        const int limit = w.text.size() >= 8 ? 2 : 1;
        const FuzzyWord *best = nullptr;
        int bestDistance = limit + 1;
        for (const FuzzyWord &candidate : m_fuzzyWords) {
            const int d = TextFold::editDistance(w.text, candidate.word, limit);
            if (d < bestDistance) {
                bestDistance = d;
                best = &candidate;
            }
        }
        if (!best || bestDistance == 0)
            continue;
        if (best->weekday == 0) {
            accept(out, {today.addDays(best->offset), span, true});
            continue;
        }
        WeekdayQualifier q = WeekdayQualifier::None;
        TextSpan full = span;
        if (i > 0 && m_qualifiers.contains(words.at(i - 1).text)) {
            q = qualifierOf(words.at(i - 1).text);
            if (q != WeekdayQualifier::None)
                full = TextSpan{words.at(i - 1).start, span.end() - words.at(i - 1).start};
        }
        accept(out, {resolveWeekday(best->weekday, q, today), full, true});
    }
}

} // namespace m1
