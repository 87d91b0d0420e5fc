#pragma once

// Picks the enum value a message means: "dizel" → DIESEL, "ogreban branik" → SCRATCH,
// "hitno" → URGENT. Compares folded words (no case, no diacritics) of the value, of its
// identifier parts and of a small English/Croatian fleet vocabulary; tolerates one typo in
// longer words and Croatian endings (shared stem of five letters or more). Ambiguous messages
// (two values matched equally well) give no match rather than a guess.

#include "agent/textspan.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace m1 {

class EnumMatcher
{
public:
    EnumMatcher();

    struct Match
    {
        QString value; // exactly as the spec writes it
        TextSpan span;
        int score = 0; // 3 phrase, 2 word, 1 typo or stem
    };

    std::optional<Match> match(const QStringList &enumValues, const QString &message) const;

    // Words a person may use for an enum value (folded phrases), the value's own words first.
    QStringList variants(const QString &enumValue) const;

private:
    struct Variant
    {
        QStringList words;
        int weight = 2;
    };
    QList<Variant> variantsOf(const QString &enumValue, const QStringList &allValues) const;

    QHash<QString, QStringList> m_synonyms; // folded English word or phrase → folded synonyms
    QStringList m_stopWords;
};

} // namespace m1
