#pragma once

// Croatian licence plates in any spelling people use (ZG-1234-AB, ZG 1234 AB, zg1234ab,
// ST-123-A, suffixes with Č/Ć/Đ/Š/Ž; "ck"/"kz" typed without diacritics become ČK/KŽ), each
// normalised to "ZG-1234-AB". Only the registration areas that exist are accepted, so "DO 1234
// KM" is not a plate. When the message itself talks about a plate (plate, registration,
// registracija, tablica, ...), a generic fallback also accepts foreign plates after that word.
// Compiled once; extract() is const and thread-safe.

#include "agent/platematch.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>

namespace m1 {

class LicencePlateExtractor
{
public:
    LicencePlateExtractor();

    QList<PlateMatch> extract(const QString &message) const;

    // "zg 1234 ab" → "ZG-1234-AB"; empty when it is not a Croatian plate.
    QString normalizeCroatian(const QString &text) const;
    bool mentionsPlate(const QString &message) const;

private:
    std::optional<PlateMatch> croatianAt(const QRegularExpressionMatch &m, bool contextual) const;
    void addForeign(const QString &message, const QString &folded, QList<PlateMatch> *out) const;

    QRegularExpression m_croatian;
    QRegularExpression m_context;
    QRegularExpression m_foreign;
    QRegularExpression m_filler;
    QHash<QString, QString> m_areas; // folded area code → official spelling ("ck" → "ČK")
};

} // namespace m1
