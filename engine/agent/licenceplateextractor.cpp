#include "agent/licenceplateextractor.h"

#include "agent/textfold.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

constexpr auto kPlateOptions = QRegularExpression::UseUnicodePropertiesOption;

// Registration areas of Croatia.
constexpr const char16_t *kAreas[] = {
    u"BJ", u"BM", u"ČK", u"DA", u"DE", u"DJ", u"DU", u"GS", u"IM", u"KA", u"KC", u"KR", u"KT",
    u"KŽ", u"MA", u"NA", u"NG", u"OG", u"OS", u"PU", u"PŽ", u"RI", u"SB", u"SK", u"SL", u"ST",
    u"ŠI", u"VK", u"VT", u"VU", u"VŽ", u"ZD", u"ZG", u"ŽU",
};

QString dashesToHyphen(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        const ushort u = c.unicode();
        if (u == 0x2010 || u == 0x2011 || u == 0x2012 || u == 0x2013 || u == 0x2014)
            c = u'-';
        else if (u == 0x00A0)
            c = u' ';
    }
    return out;
}

bool isUnitWord(const QString &folded)
{
    static const QStringList units = {u"km"_s, u"l"_s, u"kn"_s, u"h"_s, u"eu"_s, u"lt"_s};
    return units.contains(folded);
}

} // namespace

LicencePlateExtractor::LicencePlateExtractor()
    : m_croatian(u"(?<![\\p{L}\\d])([A-Za-zČĆĐŠŽčćđšž]{2})(\\s?-?\\s?)(\\d{3,4})(\\s?-?\\s?)([A-Za-zČĆĐŠŽčćđšž]{1,2})(?![\\p{L}\\d])"_s,
                 kPlateOptions)
    , m_context(u"(?<![\\p{L}])(?:plates?|licen[cs]e\\s+plates?|number\\s+plates?|registration|reg\\.?|"
                "registracij\\p{L}*|registarsk\\p{L}*|tablic\\p{L}*|reg\\.?\\s+oznak\\p{L}*)(?![\\p{L}])"_s,
                kPlateOptions)
    // Up to three short groups of letters and digits, as foreign plates are written.
    , m_foreign(u"^([\\p{L}\\d]{1,8})(?:([\\s-])([\\p{L}\\d]{1,6}))?(?:([\\s-])([\\p{L}\\d]{1,6}))?"_s,
                kPlateOptions)
    , m_filler(u"^(?:\\s|[:#,.-]|(?:je|is|broj|number|no|nr|vozila|vehicle|oznaka|oznake|s|sa|with|the|a|of|glasi|reads)(?![\\p{L}]))*"_s,
               kPlateOptions)
{
    for (const char16_t *area : kAreas) {
        const QString official = QString::fromUtf16(area);
        m_areas.insert(TextFold::fold(official), official);
    }
}

bool LicencePlateExtractor::mentionsPlate(const QString &message) const
{
    return m_context.match(TextFold::fold(message)).hasMatch();
}

std::optional<PlateMatch> LicencePlateExtractor::croatianAt(const QRegularExpressionMatch &m,
                                                            bool contextual) const
{
    const QString area = m_areas.value(TextFold::fold(m.captured(1)));
    if (area.isEmpty())
        return std::nullopt;
    const QString suffix = m.captured(5).toUpper();
    // "DA 1234 km" reads as a quantity; with a hyphen or when the message is about a plate it is one.
    const bool spaced = !m.captured(4).contains(u'-');
    if (spaced && !contextual && isUnitWord(TextFold::fold(suffix)))
        return std::nullopt;
    return PlateMatch{area + u'-' + m.captured(3) + u'-' + suffix,
                      {int(m.capturedStart(0)), int(m.capturedLength(0))}, true};
}

QString LicencePlateExtractor::normalizeCroatian(const QString &text) const
{
    const QString trimmed = dashesToHyphen(text.trimmed());
    const auto m = m_croatian.match(trimmed);
    if (!m.hasMatch() || m.capturedStart(0) != 0 || m.capturedLength(0) != trimmed.size())
        return {};
    const auto plate = croatianAt(m, true);
    return plate ? plate->plate : QString();
}

QList<PlateMatch> LicencePlateExtractor::extract(const QString &message) const
{
    const QString text = dashesToHyphen(message);
    const QString folded = TextFold::fold(message);
    const bool contextual = m_context.match(folded).hasMatch();
    QList<PlateMatch> out;
    for (auto it = m_croatian.globalMatch(text); it.hasNext();) {
        if (auto plate = croatianAt(it.next(), contextual))
            out.append(*plate);
    }
    if (contextual)
        addForeign(text, folded, &out);
    std::sort(out.begin(), out.end(),
              [](const PlateMatch &a, const PlateMatch &b) { return a.span.start < b.span.start; });
    return out;
}

void LicencePlateExtractor::addForeign(const QString &text, const QString &folded,
                                       QList<PlateMatch> *out) const
{
    for (auto it = m_context.globalMatch(folded); it.hasNext();) {
        const auto ctx = it.next();
        int pos = int(ctx.capturedEnd(0));
        pos += int(m_filler.match(folded.mid(pos)).capturedLength(0));
        const auto m = m_foreign.match(text.mid(pos));
        if (!m.hasMatch())
            continue;
        // Later groups belong to the plate only when they look like plate parts (digits, or
        // short upper-case letters); "AB123 is broken" keeps just "AB123".
        QStringList parts{m.captured(1)};
        int length = int(m.capturedLength(1));
        for (int g = 3; g <= 5; g += 2) {
            const QString part = m.captured(g);
            if (part.isEmpty())
                break;
            const bool digits = std::any_of(part.begin(), part.end(), [](QChar c) { return c.isDigit(); });
            const bool upperShort = part.size() <= 3 && part == part.toUpper();
            if (!digits && !upperShort)
                break;
            parts.append(part);
            length = int(m.capturedEnd(g));
        }
        const QString joined = parts.join(QString());
        const bool hasDigit = std::any_of(joined.begin(), joined.end(), [](QChar c) { return c.isDigit(); });
        const bool hasLetter = std::any_of(joined.begin(), joined.end(), [](QChar c) { return c.isLetter(); });
        if (!hasDigit || !hasLetter || joined.size() < 4 || joined.size() > 10)
            continue;
        const TextSpan span{pos, length};
        bool taken = false;
        for (const PlateMatch &p : std::as_const(*out))
            taken = taken || p.span.overlaps(span);
        if (taken)
            continue;
        out->append({parts.join(u'-').toUpper(), span, false});
    }
}

} // namespace m1
