#pragma once

// What a message wants to do to data — read, create, update or delete — from English and
// Croatian verbs and question words. One alternation of four named groups, compiled once at
// start; the earliest match in the message wins (people put the verb first: "cancel my booking",
// "koliko km ima moje vozilo"); weak cues ("new") count only when no other word decides. Works on Tokenizer::fold()ed text, so diacritics do not matter.

#include <QRegularExpression>
#include <QString>
#include <QStringView>

namespace m1 {

enum class Intent { Unknown, Read, Create, Update, Delete };

class IntentClassifier
{
public:
    IntentClassifier();

    // folded: the output of Tokenizer::fold() (lower case, no diacritics, single spaces).
    Intent classify(const QString &folded) const;
    static QString name(Intent intent);
    static bool isWrite(Intent intent)
    {
        return intent == Intent::Create || intent == Intent::Update || intent == Intent::Delete;
    }

private:
    QRegularExpression m_pattern;
    QRegularExpression m_weakCreate; // cues that decide only when m_pattern finds nothing
};

} // namespace m1
