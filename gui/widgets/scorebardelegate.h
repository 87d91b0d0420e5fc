#pragma once

// Draws a search result's score breakdown as one horizontal stacked bar: positive parts from
// zero to the right, negative parts from zero to the left (hatched), a tick at the total, and
// the candidate, abstain and act thresholds as vertical lines. Every row of a SearchResultModel
// shares one scale, so bars compare down the list.

#include <QStyledItemDelegate>

namespace m1 {

class SearchResultModel;

class ScoreBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ScoreBarDelegate(const SearchResultModel &model, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The threshold lines' pen styles, for the legend.
    static Qt::PenStyle candidateStyle() { return Qt::DotLine; }
    static Qt::PenStyle abstainStyle() { return Qt::DashLine; }
    static Qt::PenStyle actStyle() { return Qt::SolidLine; }

private:
    const SearchResultModel &m_model;
};

} // namespace m1
