#include "widgets/graphedgeitem.h"

#include "widgets/methodcolors.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>

namespace m1 {
namespace {

constexpr qreal kArrowLength = 9;
constexpr qreal kArrowHalfWidth = 3.5;

QPainterPath pathOf(const LayoutEdge &edge)
{
    QPainterPath path;
    if (edge.points.isEmpty())
        return path;
    path.moveTo(edge.points.first());
    if (edge.isSpline()) {
        for (qsizetype i = 1; i + 2 < edge.points.size(); i += 3)
            path.cubicTo(edge.points.at(i), edge.points.at(i + 1), edge.points.at(i + 2));
    } else {
        for (qsizetype i = 1; i < edge.points.size(); ++i)
            path.lineTo(edge.points.at(i));
    }
    return path;
}

// A triangle from the end of the spline to Graphviz's arrow tip (or along the last segment
// when the engine left no room for one).
QPolygonF arrowOf(const LayoutEdge &edge, const QPainterPath &path)
{
    if (path.elementCount() == 0)
        return {};
    const QPointF end = path.currentPosition();
    QPointF tip = edge.arrowTip;
    QLineF axis(end, tip);
    if (axis.length() < 1) {
        const QPointF before = path.pointAtPercent(0.95);
        axis = QLineF(before, end);
        if (axis.length() < 0.01)
            return {};
        axis.setLength(kArrowLength);
        axis.translate(end - axis.p1());
        tip = axis.p2();
    }
    QLineF back(tip, axis.p1());
    back.setLength(kArrowLength);
    const QPointF base = back.p2();
    QLineF normal = back.normalVector();
    normal.setLength(kArrowHalfWidth);
    const QPointF offset = normal.p2() - normal.p1();
    return QPolygonF({tip, base + offset, base - offset, tip});
}

} // namespace

GraphEdgeItem::GraphEdgeItem(const LayoutEdge &edge, bool showLabel)
    : m_edge(edge), m_path(pathOf(edge)), m_arrow(arrowOf(edge, m_path)), m_label(edge.label),
      m_showLabel(showLabel && edge.hasLabel)
{
    setZValue(1);
    setToolTip(edge.from + QStringLiteral(" → ") + edge.to + u'\n' + edge.keys.join(u", "));
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-2, -2, 2, 2);
    if (m_showLabel) {
        // Wide enough for the label drawn centred on Graphviz's label point.
        const QFontMetricsF metrics{QFont()};
        const qreal w = metrics.horizontalAdvance(m_label) + 8;
        const qreal h = metrics.height() + 4;
        m_bounds = m_bounds.united(QRectF(edge.labelPos.x() - w, edge.labelPos.y() - h, 2 * w, 2 * h));
    }
}

void GraphEdgeItem::setEmphasised(bool emphasised)
{
    if (emphasised == m_emphasised)
        return;
    m_emphasised = emphasised;
    update();
}

QRectF GraphEdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath GraphEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(6);
    QPainterPath shape = stroker.createStroke(m_path);
    shape.addPolygon(m_arrow);
    return shape;
}

void GraphEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor text = palette.color(QPalette::Text);
    const QColor line = m_emphasised ? palette.color(QPalette::Highlight)
                                     : MethodColors::mix(palette.color(QPalette::Base), text, 0.55);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(line, m_emphasised ? 2.0 : 1.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setBrush(line);
    painter->drawPolygon(m_arrow);
    if (!m_showLabel)
        return;
    QFont font = scene() ? scene()->font() : painter->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    QRectF box(0, 0, metrics.horizontalAdvance(m_label) + 6, metrics.height() + 2);
    box.moveCenter(m_edge.labelPos);
    QColor back = palette.color(QPalette::Base);
    back.setAlphaF(0.8f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(back);
    painter->drawRoundedRect(box, 3, 3);
    painter->setPen(MethodColors::mix(palette.color(QPalette::Base), text, 0.8));
    painter->drawText(box, Qt::AlignCenter, m_label);
}

} // namespace m1
