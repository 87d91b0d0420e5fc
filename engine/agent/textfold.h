#pragma once

// Matching text the way people type on phones: lower case, Croatian letters without their
// diacritics (č ć → c, đ → d, š → s, ž → z) and typographic dashes as '-'. Folding keeps
// every character in place (one QChar in, one out), so offsets found in folded text are
// offsets in the original message.

#include <QString>
#include <QStringList>

namespace m1 {

class TextFold
{
public:
    static QString fold(const QString &text);
    static QChar foldChar(QChar c);

    // Letters-and-digits words of already folded text, with their offsets.
    struct Word
    {
        QString text;
        int start = 0;
    };
    static QList<Word> words(const QString &folded);

    // Splits identifiers into lower-case words: "licencePlate" → {licence, plate},
    // "fuel_type" → {fuel, type}, "vehicleID" → {vehicle, id}.
    static QStringList identifierWords(const QString &identifier);

    // Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping
    // early once it exceeds `limit` (then returns limit + 1).
    static int editDistance(const QString &a, const QString &b, int limit);
};

} // namespace m1
