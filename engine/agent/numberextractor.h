#pragma once

// Numbers with units as fleet people write them: "45.000 km" (Croatian thousands dot),
// "45,000 km" (English), "45,5 l" and "45.5 l", "1.234,56 EUR", "€45", "45k km", "20 %",
// "38 litara", "120 kn". One separator followed by exactly three digits is a thousands
// separator; with both kinds present the last one is the decimal point. Compiled once.

#include "agent/numbermatch.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>

namespace m1 {

class NumberExtractor
{
public:
    NumberExtractor();

    // Sorted by position, never overlapping.
    QList<NumberMatch> extract(const QString &message) const;

    // "45.000" → 45000, "45,5" → 45.5, "1,234.5" → 1234.5; false when it is not a number.
    static bool parseNumber(const QString &text, double *value);
    // Folded unit word → canonical unit ("litara" → "l"); empty when unknown.
    QString canonicalUnit(const QString &foldedUnit) const;

private:
    QRegularExpression m_number;
    QHash<QString, QString> m_units;
};

} // namespace m1
