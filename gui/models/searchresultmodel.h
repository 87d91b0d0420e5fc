#pragma once

// One search's ranked results as a table: rank, tool, score, the score's breakdown (drawn by
// ScoreBarDelegate) and the operation. Also the scale every row's bar shares and the
// thresholds, so the bars are comparable down the list.

#include "facade/enginesnapshot.h"
#include "search/scoringconfig.h"
#include "search/searchresult.h"

#include <QAbstractTableModel>

namespace m1 {

class SearchResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RankColumn, ToolColumn, ScoreColumn, BreakdownColumn, OperationColumn, ColumnCount };
    enum Role { BreakdownRole = Qt::UserRole + 1, CandidateRole };

    explicit SearchResultModel(QObject *parent = nullptr);

    // snapshot supplies each tool's method, path and summary; thresholds come from scoring.
    void setResult(const SearchResult &result, EngineSnapshotPtr snapshot, const ScoringConfig &scoring);
    void clear();
    const SearchResult &result() const { return m_result; }
    const ScoringConfig &scoring() const { return m_scoring; }
    // The value range of the bars: the most negative stack to the longest positive one, the
    // thresholds included.
    float scaleMin() const { return m_min; }
    float scaleMax() const { return m_max; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void computeScale();

    SearchResult m_result;
    EngineSnapshotPtr m_snapshot;
    ScoringConfig m_scoring;
    float m_min = 0;
    float m_max = 1;
};

} // namespace m1

Q_DECLARE_METATYPE(m1::ScoreBreakdown)
