#include "agent/numberextractor.h"

#include "agent/textfold.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace m1 {

NumberExtractor::NumberExtractor()
{
    const QList<std::pair<QStringList, QString>> units = {
        {{u"km"_s, u"kms"_s, u"kilometara"_s, u"kilometra"_s, u"kilometar"_s, u"kilometre"_s,
          u"kilometres"_s, u"kilometer"_s, u"kilometers"_s, u"kilometri"_s},
         u"km"_s},
        {{u"l"_s, u"lit"_s, u"litara"_s, u"litra"_s, u"litre"_s, u"litres"_s, u"liter"_s,
          u"liters"_s, u"litru"_s},
         u"l"_s},
        {{u"eur"_s, u"euro"_s, u"eura"_s, u"euros"_s, u"eure"_s, u"€"_s}, u"EUR"_s},
        {{u"kn"_s, u"kuna"_s, u"kune"_s, u"hrk"_s}, u"HRK"_s},
        {{u"%"_s, u"posto"_s, u"percent"_s, u"pct"_s}, u"%"_s},
    };
    QStringList words;
    for (const auto &[forms, canonical] : units) {
        for (const QString &f : forms) {
            m_units.insert(f, canonical);
            words.append(f);
        }
    }
    std::sort(words.begin(), words.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (QString &w : words)
        w = QRegularExpression::escape(w);
    // A leading currency sign, the number (grouped or plain), an optional "k", an optional unit.
    m_number = QRegularExpression(
        u"(?<![\\p{L}\\d.,-])(€\\s?)?"
        "(\\d{1,3}(?:[.,]\\d{3})+(?:[.,]\\d+)?|\\d{1,3}(?:[ ]\\d{3})+(?=\\s?(?:km|l|eur|€|kn))|\\d+(?:[.,]\\d+)?)"
        "(\\s?k(?![\\p{L}]))?"
        "(?:\\s?("_s
            + words.join(u'|') + u"))?(?![\\p{L}\\d])"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    Q_ASSERT_X(m_number.isValid(), "NumberExtractor", qPrintable(m_number.errorString()));
}

QString NumberExtractor::canonicalUnit(const QString &foldedUnit) const
{
    return m_units.value(foldedUnit);
}

bool NumberExtractor::parseNumber(const QString &input, double *value)
{
    QString text = input;
    text.remove(u' ');
    const qsizetype lastDot = text.lastIndexOf(u'.');
    const qsizetype lastComma = text.lastIndexOf(u',');
    QString plain;
    if (lastDot >= 0 && lastComma >= 0) {
        const QChar decimal = lastDot > lastComma ? u'.' : u',';
        const QChar group = decimal == u'.' ? u',' : u'.';
        plain = text;
        plain.remove(group);
        plain.replace(decimal, u'.');
    } else if (lastDot >= 0 || lastComma >= 0) {
        const QChar sep = lastDot >= 0 ? u'.' : u',';
        const qsizetype count = text.count(sep);
        const qsizetype last = text.lastIndexOf(sep);
        const qsizetype digitsAfter = text.size() - last - 1;
        const bool leadingZero = text.startsWith(u"0"_s + sep);
        if (count > 1 || (digitsAfter == 3 && !leadingZero)) {
            plain = text;
            plain.remove(sep);
        } else {
            plain = text;
            plain.replace(sep, u'.');
        }
    } else {
        plain = text;
    }
    bool ok = false;
    const double v = plain.toDouble(&ok);
    if (ok)
        *value = v;
    return ok;
}

QList<NumberMatch> NumberExtractor::extract(const QString &message) const
{
    const QString folded = TextFold::fold(message);
    QList<NumberMatch> out;
    for (auto it = m_number.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        double value = 0;
        if (!parseNumber(m.captured(2), &value))
            continue;
        if (m.capturedLength(3))
            value *= 1000;
        QString unit = canonicalUnit(m.captured(4));
        if (m.capturedLength(1))
            unit = u"EUR"_s;
        out.append({value, unit, {int(m.capturedStart(0)), int(m.capturedLength(0))}});
    }
    return out;
}

} // namespace m1
