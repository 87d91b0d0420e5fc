#include "agent/textfold.h"

#include <QVarLengthArray>

#include <algorithm>

namespace m1 {

QChar TextFold::foldChar(QChar c)
{
    const ushort u = c.unicode();
    if (u < 0x80)
        return (u >= 'A' && u <= 'Z') ? QChar(u + 32) : c;
    switch (u) {
    case 0x0110: // Đ
    case 0x0111: // đ
        return QLatin1Char('d');
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
        return QLatin1Char('-');
    case 0x00A0: case 0x202F: case 0x2009:
        return QLatin1Char(' ');
    case 0x2018: case 0x2019: case 0x02BC:
        return QLatin1Char('\'');
    case 0x20AC: // € stays itself: it is a unit, not a letter
        return c;
    default:
        break;
    }
    if (c.isSurrogate())
        return c;
    QChar lower = c.toLower();
    if (lower.decompositionTag() == QChar::Canonical) {
        const QString parts = lower.decomposition();
        if (!parts.isEmpty() && !parts.at(0).isSurrogate())
            lower = parts.at(0);
    }
    return lower;
}

QString TextFold::fold(const QString &text)
{
    QString out(text.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (qsizetype i = 0; i < text.size(); ++i)
        dst[i] = foldChar(text.at(i));
    return out;
}

QList<TextFold::Word> TextFold::words(const QString &folded)
{
    QList<Word> out;
    int i = 0;
    const int n = int(folded.size());
    while (i < n) {
        while (i < n && !folded.at(i).isLetterOrNumber())
            ++i;
        const int start = i;
        while (i < n && folded.at(i).isLetterOrNumber())
            ++i;
        if (i > start)
            out.append({folded.mid(start, i - start), start});
    }
    return out;
}

QStringList TextFold::identifierWords(const QString &identifier)
{
    QStringList out;
    QString current;
    const auto flush = [&] {
        if (!current.isEmpty())
            out.append(fold(current));
        current.clear();
    };
    for (qsizetype i = 0; i < identifier.size(); ++i) {
        const QChar c = identifier.at(i);
        if (!c.isLetterOrNumber()) {
            flush();
            continue;
        }
        if (c.isUpper() && !current.isEmpty()) {
            const bool prevLower = current.back().isLower() || current.back().isDigit();
            const bool nextLower = i + 1 < identifier.size() && identifier.at(i + 1).isLower();
            // "vehicleID" → vehicle|ID, "HTTPStatus" → HTTP|Status, "co2EmissionsGPerKm" → …|G|Per|Km
            if (prevLower || nextLower)
                flush();
        }
        current.append(c);
    }
    flush();
    return out;
}

int TextFold::editDistance(const QString &a, const QString &b, int limit)
{
    const int n = int(a.size());
    const int m = int(b.size());
    if (std::abs(n - m) > limit)
        return limit + 1;
    QVarLengthArray<int, 64> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (int j = 0; j <= m; ++j)
        prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > limit)
            return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], limit + 1);
}

} // namespace m1
