#pragma once

// One link in the graph canvas: Graphviz's spline, an arrowhead at the consumer, and the keys
// that link the two tools. Drawn in the palette's text colour, softened, so it reads on light
// and dark backgrounds.

#include "graph/graphlayout.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

namespace m1 {

class GraphEdgeItem : public QGraphicsItem
{
public:
    GraphEdgeItem(const LayoutEdge &edge, bool showLabel);

    const LayoutEdge &edge() const { return m_edge; }
    void setEmphasised(bool emphasised);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    LayoutEdge m_edge;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QString m_label;
    bool m_showLabel;
    bool m_emphasised = false;
    QRectF m_bounds;
};

} // namespace m1
