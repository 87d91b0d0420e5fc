#include "widgets/scorebardelegate.h"

#include "models/searchresultmodel.h"
#include "widgets/methodcolors.h"
#include "widgets/scorepartstyle.h"

#include <QApplication>
#include <QPainter>

namespace m1 {

ScoreBarDelegate::ScoreBarDelegate(const SearchResultModel &model, QObject *parent)
    : QStyledItemDelegate(parent), m_model(model)
{
}

QSize ScoreBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return QSize(std::max(base.width(), 240), std::max(base.height(), option.fontMetrics.height() + 10));
}

void ScoreBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The cell's background (selection, alternate rows) as the style draws it, without text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const ScoreBreakdown parts = index.data(SearchResultModel::BreakdownRole).value<ScoreBreakdown>();
    const bool candidate = index.data(SearchResultModel::CandidateRole).toBool();
    const float lo = m_model.scaleMin();
    const float hi = m_model.scaleMax();
    const QRectF area = QRectF(option.rect).adjusted(4, 4, -4, -4);
    if (hi <= lo || area.width() < 10)
        return;
    const auto x = [&](float v) { return area.left() + (v - lo) / (hi - lo) * area.width(); };

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const QColor text = option.palette.color(QPalette::Text);
    const QColor base = option.palette.color(QPalette::Base);
    float positive = 0;
    float negative = 0;
    for (int part = 0; part < ScorePartStyle::kPartCount; ++part) {
        const float v = ScorePartStyle::value(parts, part);
        if (v == 0)
            continue;
        QColor fill = ScorePartStyle::color(part);
        if (!candidate)
            fill = MethodColors::mix(fill, base, 0.45); // faded: not offered to the user
        QRectF bar;
        if (v > 0) {
            bar = QRectF(QPointF(x(positive), area.top()), QPointF(x(positive + v), area.bottom()));
            positive += v;
        } else {
            bar = QRectF(QPointF(x(negative + v), area.top()), QPointF(x(negative), area.bottom()));
            negative += v;
        }
        painter->fillRect(bar, fill);
        if (v < 0) // negative parts are hatched so they read as a deduction without colour
            painter->fillRect(bar, QBrush(MethodColors::mix(fill, text, 0.6), Qt::BDiagPattern));
    }

    // Zero axis, thresholds, then the total on top.
    painter->setPen(QPen(MethodColors::mix(base, text, 0.5), 1));
    painter->drawLine(QPointF(x(0), option.rect.top()), QPointF(x(0), option.rect.bottom()));
    const ScoringConfig &scoring = m_model.scoring();
    const struct
    {
        float value;
        Qt::PenStyle style;
    } lines[] = {{scoring.candidateThreshold, candidateStyle()},
                 {scoring.abstainThreshold, abstainStyle()},
                 {scoring.actThreshold, actStyle()}};
    for (const auto &line : lines) {
        painter->setPen(QPen(MethodColors::mix(base, text, 0.85), 1.5, line.style));
        painter->drawLine(QPointF(x(line.value), option.rect.top()), QPointF(x(line.value), option.rect.bottom()));
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    const float total = parts.total;
    const QPointF top(x(total), area.top() - 2);
    painter->setPen(QPen(text, 2));
    painter->drawLine(top, QPointF(x(total), area.bottom() + 2));
    painter->restore();
}

} // namespace m1
