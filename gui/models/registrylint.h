#pragma once

// Checks a loaded registry for what makes tools hard to find or impossible to run: tools with
// no description, tools whose summaries are near-duplicates of each other (search cannot tell
// them apart), and required identifiers no tool provides (the bot can only ask the user for
// them). Pure computation over an immutable snapshot: run it on a worker.

#include "facade/enginesnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace m1 {

struct LintFinding
{
    enum class Kind { NoDescription, NearDuplicate, UnprovidedInput };

    Kind kind = Kind::NoDescription;
    QString toolId;
    QString message;
};

class RegistryLint
{
    Q_DECLARE_TR_FUNCTIONS(RegistryLint)

public:
    // Summaries at least this similar (word-set Jaccard) count as near-duplicates.
    static constexpr double kDuplicateSimilarity = 0.8;

    static QList<LintFinding> check(const EngineSnapshot &snapshot);
    static QString kindName(LintFinding::Kind kind);
    // Jaccard similarity of the two texts' lower-case word sets, 0..1.
    static double similarity(const QString &a, const QString &b);
};

} // namespace m1
