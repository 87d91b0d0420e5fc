#include "models/searchresultmodel.h"

#include "widgets/scorepartstyle.h"

#include <QPalette>

#include <algorithm>

namespace m1 {

SearchResultModel::SearchResultModel(QObject *parent) : QAbstractTableModel(parent) {}

void SearchResultModel::setResult(const SearchResult &result, EngineSnapshotPtr snapshot,
                                  const ScoringConfig &scoring)
{
    beginResetModel();
    m_result = result;
    m_snapshot = std::move(snapshot);
    m_scoring = scoring;
    computeScale();
    endResetModel();
}

void SearchResultModel::clear()
{
    beginResetModel();
    m_result = SearchResult();
    endResetModel();
}

void SearchResultModel::computeScale()
{
    float lo = std::min({0.0f, m_scoring.candidateThreshold, m_scoring.abstainThreshold, m_scoring.actThreshold});
    float hi = std::max({m_scoring.candidateThreshold, m_scoring.abstainThreshold, m_scoring.actThreshold, 0.1f});
    for (const ScoredTool &tool : std::as_const(m_result.results)) {
        float positive = 0;
        float negative = 0;
        for (int part = 0; part < ScorePartStyle::kPartCount; ++part) {
            const float v = ScorePartStyle::value(tool.parts, part);
            (v >= 0 ? positive : negative) += v;
        }
        hi = std::max(hi, positive);
        lo = std::min(lo, negative);
    }
    const float margin = (hi - lo) * 0.04f;
    m_min = lo < 0 ? lo - margin : 0;
    m_max = hi + margin;
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.results.size());
}

int SearchResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_result.results.size())
        return {};
    const ScoredTool &scored = m_result.results.at(index.row());
    const bool candidate = scored.score >= m_scoring.candidateThreshold;
    const ToolDefinition *tool = m_snapshot ? m_snapshot->registry->find(scored.id) : nullptr;
    switch (role) {
    case BreakdownRole:
        return QVariant::fromValue(scored.parts);
    case CandidateRole:
        return candidate;
    case Qt::ToolTipRole:
        return QString(scored.id + u'\n' + (tool ? tool->summary + u'\n' : QString())
                       + ScorePartStyle::describe(scored.parts));
    case Qt::TextAlignmentRole:
        if (index.column() == RankColumn || index.column() == ScoreColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        // Below the candidate threshold: shown for comparison, never offered to the user.
        if (!candidate)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case RankColumn: return index.row() + 1;
        case ToolColumn: return scored.id;
        case ScoreColumn: return QString::number(scored.score, 'f', 3);
        case OperationColumn: return tool ? QString(tool->method + u' ' + tool->path) : QString();
        default: return {};
        }
    default:
        return {};
    }
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RankColumn: return QStringLiteral("#");
    case ToolColumn: return tr("Tool");
    case ScoreColumn: return tr("Score");
    case BreakdownColumn: return tr("Breakdown");
    case OperationColumn: return tr("Operation");
    default: return {};
    }
}

} // namespace m1
