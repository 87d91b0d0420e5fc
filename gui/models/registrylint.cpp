#include "models/registrylint.h"

#include <QRegularExpression>
#include <QSet>

namespace m1 {
namespace {

QSet<QString> words(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const QStringList list = text.toLower().split(separators, Qt::SkipEmptyParts);
    return QSet<QString>(list.cbegin(), list.cend());
}

double jaccard(const QSet<QString> &a, const QSet<QString> &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    const qsizetype common = QSet<QString>(a).intersect(b).size();
    return double(common) / double(a.size() + b.size() - common);
}

} // namespace

double RegistryLint::similarity(const QString &a, const QString &b)
{
    return jaccard(words(a), words(b));
}

QString RegistryLint::kindName(LintFinding::Kind kind)
{
    switch (kind) {
    case LintFinding::Kind::NoDescription: return tr("No description");
    case LintFinding::Kind::NearDuplicate: return tr("Near-duplicate summary");
    case LintFinding::Kind::UnprovidedInput: return tr("Input no tool provides");
    }
    return {};
}

QList<LintFinding> RegistryLint::check(const EngineSnapshot &snapshot)
{
    QList<LintFinding> out;
    if (!snapshot.registry || !snapshot.graph)
        return out;
    const QList<ToolDefinition> &tools = snapshot.registry->tools();

    for (const ToolDefinition &tool : tools) {
        if (!tool.description.trimmed().isEmpty())
            continue;
        out.append({LintFinding::Kind::NoDescription, tool.id,
                    tool.summary.trimmed().isEmpty()
                        ? tr("Neither a summary nor a description: search has only the path to go on.")
                        : tr("Only a summary: a description with examples would help search.")});
    }

    // Pairwise, but cheap: a pair can only reach the similarity when their word counts are
    // close, which most pairs are not.
    QList<QSet<QString>> summaryWords;
    summaryWords.reserve(tools.size());
    for (const ToolDefinition &tool : tools)
        summaryWords.append(words(tool.summary));
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const qsizetype ni = summaryWords.at(i).size();
        for (qsizetype j = i + 1; j < tools.size() && ni > 0; ++j) {
            const qsizetype nj = summaryWords.at(j).size();
            if (double(std::min(ni, nj)) / double(std::max(ni, nj)) < kDuplicateSimilarity)
                continue;
            const double s = jaccard(summaryWords.at(i), summaryWords.at(j));
            if (s < kDuplicateSimilarity)
                continue;
            out.append({LintFinding::Kind::NearDuplicate, tools.at(i).id,
                        tr("Summary “%1” is %2% like that of %3: search cannot tell them apart.")
                            .arg(tools.at(i).summary, QString::number(qRound(s * 100)), tools.at(j).id)});
        }
    }

    const DependencyGraph &graph = *snapshot.graph;
    for (int t = 0; t < tools.size(); ++t) {
        for (const GraphNeed &need : graph.needs(t)) {
            if (!graph.options().isLookupKey(need.key) || !graph.providers(t, need.param).isEmpty())
                continue;
            out.append({LintFinding::Kind::UnprovidedInput, tools.at(t).id,
                        tr("Requires “%1” (key %2), which no tool provides: the bot must ask the user for it.")
                            .arg(need.param, need.key)});
        }
    }
    return out;
}

} // namespace m1
