#include "agent/timeextractor.h"

#include "agent/textfold.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

constexpr auto kTimeOptions = QRegularExpression::UseUnicodePropertiesOption;

QRegularExpression compileTime(const QString &pattern)
{
    QRegularExpression re(pattern, kTimeOptions);
    Q_ASSERT_X(re.isValid(), "TimeExtractor", qPrintable(re.errorString()));
    return re;
}

const QString kMarker = u"am|pm|a\\.m\\.|p\\.m\\.|h|sati|sata|hrs|o'clock"_s;
const QString kNoonWords = u"podne|noon|midday|ponoc|midnight"_s;
// One time token, captured whole; parseToken() reads it.
const QString kToken = u"((?:\\d{1,2}(?:[:.]\\d{2})?(?:\\s*(?:"_s + kMarker + u")(?![\\p{L}]))?)|"_s
    + kNoonWords + u")"_s;
// Not followed by more digits, or by ".5"/":30" that would make the token something else.
const QString kTokenEnd = u"(?![\\d\\p{L}]|[.:/]\\d|\\.\\s\\d)"_s;

bool hasAmPm(const QString &token)
{
    return token.contains(u"am"_s) || token.contains(u"pm"_s) || token.contains(u"a.m."_s)
        || token.contains(u"p.m."_s);
}

bool isPm(const QString &token)
{
    return token.contains(u"pm"_s) || token.contains(u"p.m."_s);
}

} // namespace

TimeExtractor::TimeExtractor()
    : m_range(compileTime(u"(?<![\\p{L}\\d.,:/-])(?:(od|from|between|izmedu|izmedju)\\s+)?"_s + kToken
                          + u"\\s*(-|do|to|until|till|and|i)\\s*"_s + kToken + kTokenEnd))
    , m_prefixed(compileTime(u"(?<![\\p{L}])(u|at|oko|around|by|od|from|do|until|till|before|after|poslije|prije|nakon|since)\\s+"_s
                             + kToken + kTokenEnd))
    , m_colon(compileTime(u"(?<![\\d.:/,])(\\d{1,2}:\\d{2}(?:\\s*(?:"_s + kMarker + u")(?![\\p{L}]))?)(?![\\d\\p{L}]|:\\d)"_s))
    , m_suffixed(compileTime(u"(?<![\\d.,:/\\p{L}-])(\\d{1,2}(?:\\.\\d{2})?\\s*(?:"_s + kMarker + u"))(?![\\p{L}])"_s))
    , m_dotted(compileTime(u"(?<![\\d.,:/\\p{L}-])((?:[01]\\d|2[0-3])\\.[0-5]\\d)(?![\\d]|\\.)"_s))
    , m_noon(compileTime(u"(?<![\\p{L}])("_s + kNoonWords + u")(?![\\p{L}])"_s))
    , m_token(compileTime(u"^(\\d{1,2})(?:[:.](\\d{2}))?\\s*("_s + kMarker + u")?$"_s))
    , m_dayPartAfter(compileTime(u"^\\s*(?:u\\s+|in\\s+the\\s+)?(ujutro|ujutru|jutro|morning|navecer|uvecer|vecer|evening|popodne|poslijepodne|afternoon|tonight|nocu|night)(?![\\p{L}])"_s))
    , m_unitAfter(compileTime(u"^\\s*(?:km|kilomet\\p{L}*|l|lit\\p{L}*|kn|kuna|eur\\p{L}*|€|%|posto|dana|dan|days?|tjed\\p{L}*|weeks?|mjesec\\p{L}*|months?|godin\\p{L}*|years?|puta|times|kom\\p{L}*|pcs|komada|vozil\\p{L}*|cars?|vehicles?|osob\\p{L}*|people|persons?|min\\p{L}*)(?![\\p{L}])"_s))
{
}

QTime TimeExtractor::parseToken(const QString &foldedToken) const
{
    const QString token = foldedToken.trimmed();
    if (token == u"podne" || token == u"noon" || token == u"midday")
        return QTime(12, 0);
    if (token == u"ponoc" || token == u"midnight")
        return QTime(0, 0);
    const auto m = m_token.match(token);
    if (!m.hasMatch())
        return {};
    int hour = m.captured(1).toInt();
    const int minute = m.capturedLength(2) ? m.captured(2).toInt() : 0;
    const QString marker = m.captured(3);
    if (minute > 59)
        return {};
    if (hasAmPm(marker)) {
        if (hour < 1 || hour > 12)
            return {};
        hour = isPm(marker) ? (hour % 12) + 12 : hour % 12;
    }
    if (hour == 24 && minute == 0)
        return QTime(23, 59);
    if (hour > 23)
        return {};
    return QTime(hour, minute);
}

bool TimeExtractor::followedByUnit(const QString &folded, int end) const
{
    return m_unitAfter.match(folded.mid(end)).hasMatch();
}

QTime TimeExtractor::applyDayPart(const QString &folded, QTime time, int *end) const
{
    const auto m = m_dayPartAfter.match(folded.mid(*end));
    if (!m.hasMatch())
        return time;
    *end += int(m.capturedEnd(0));
    const QString part = m.captured(1);
    const bool morning = part == u"ujutro" || part == u"ujutru" || part == u"jutro" || part == u"morning";
    if (morning)
        return time.hour() == 12 ? QTime(0, time.minute()) : time;
    return (time.hour() >= 1 && time.hour() < 12) ? time.addSecs(12 * 3600) : time;
}

bool TimeExtractor::accept(QList<TimeMatch> *out, const TimeMatch &m)
{
    if (!m.start.isValid() && !m.end.isValid())
        return false;
    for (const TimeMatch &existing : std::as_const(*out)) {
        if (existing.span.overlaps(m.span))
            return false;
    }
    out->append(m);
    return true;
}

QList<TimeMatch> TimeExtractor::extract(const QString &message) const
{
    const QString folded = TextFold::fold(message);
    QList<TimeMatch> out;
    addRanges(folded, &out);
    addPrefixed(folded, &out);
    addMarked(folded, &out);
    std::sort(out.begin(), out.end(),
              [](const TimeMatch &a, const TimeMatch &b) { return a.span.start < b.span.start; });
    return out;
}

void TimeExtractor::addRanges(const QString &folded, QList<TimeMatch> *out) const
{
    for (auto it = m_range.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        const QString prefix = m.captured(1);
        const QString first = m.captured(2);
        const QString connector = m.captured(3);
        const QString second = m.captured(4);
        if ((connector == u"and" || connector == u"i") && prefix.isEmpty())
            continue; // "2 i 3" is a list, "između 2 i 3" a range
        int end = int(m.capturedEnd(0));
        if (followedByUnit(folded, end))
            continue;
        // "3.12.-5.12." is a date range, not 3:12 to 5:12.
        if (folded.mid(end).startsWith(u'.') && (first.contains(u'.') || second.contains(u'.')))
            continue;
        QTime start = parseToken(first);
        QTime finish = parseToken(second);
        if (!start.isValid() || !finish.isValid())
            continue;
        if (isPm(second) && !hasAmPm(first) && start.hour() + 12 <= finish.hour())
            start = start.addSecs(12 * 3600); // "1-5pm"
        else if (finish < start && finish.hour() < 12 && !hasAmPm(second))
            finish = finish.addSecs(12 * 3600); // "od 8 do 4" is a working day, not a night
        const int before = end;
        const QTime shifted = applyDayPart(folded, finish, &end);
        if (end != before && shifted != finish) {
            if (start.hour() >= 1 && start.hour() < 12 && start.addSecs(12 * 3600) <= shifted)
                start = start.addSecs(12 * 3600);
            finish = shifted;
        }
        const int s = int(m.capturedStart(0));
        accept(out, {start, finish, {s, end - s}});
    }
}

void TimeExtractor::addPrefixed(const QString &folded, QList<TimeMatch> *out) const
{
    for (auto it = m_prefixed.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        const QString prefix = m.captured(1);
        const QString token = m.captured(2);
        int end = int(m.capturedEnd(0));
        if (followedByUnit(folded, end))
            continue;
        const bool atPoint = prefix == u"u" || prefix == u"at" || prefix == u"oko" || prefix == u"around";
        // "od 3.12." and "do 5.12." are dates; "u 8.30." at the end of a sentence is a time.
        if (!atPoint && token.contains(u'.') && folded.mid(end).startsWith(u'.'))
            continue;
        QTime time = parseToken(token);
        if (!time.isValid())
            continue;
        time = applyDayPart(folded, time, &end);
        const bool isEnd = prefix == u"do" || prefix == u"until" || prefix == u"till" || prefix == u"by"
            || prefix == u"before" || prefix == u"prije";
        const int s = int(m.capturedStart(0));
        TimeMatch match;
        (isEnd ? match.end : match.start) = time;
        match.span = {s, end - s};
        accept(out, match);
    }
}

void TimeExtractor::addMarked(const QString &folded, QList<TimeMatch> *out) const
{
    for (const QRegularExpression *re : {&m_colon, &m_suffixed, &m_dotted, &m_noon}) {
        for (auto it = re->globalMatch(folded); it.hasNext();) {
            const auto m = it.next();
            int end = int(m.capturedEnd(0));
            if (re != &m_noon && followedByUnit(folded, end))
                continue;
            QTime time = parseToken(m.captured(1));
            if (!time.isValid())
                continue;
            time = applyDayPart(folded, time, &end);
            const int s = int(m.capturedStart(0));
            accept(out, {time, QTime(), {s, end - s}});
        }
    }
}

} // namespace m1
