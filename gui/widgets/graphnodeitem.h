#pragma once

// One tool in the graph canvas: a box tinted by its HTTP method, its id and "METHOD /path".
// The focus gets a heavier frame, search matches a highlight frame. Colours come from the
// scene's palette at paint time, so a theme change repaints correctly.

#include "graph/graphlayout.h"

#include <QGraphicsItem>

namespace m1 {

class GraphNodeItem : public QGraphicsItem
{
public:
    explicit GraphNodeItem(const LayoutNode &node, bool isFocus);

    const QString &toolId() const { return m_node.id; }
    bool isFocus() const { return m_focus; }
    void setMatched(bool matched);
    bool isMatched() const { return m_matched; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    LayoutNode m_node;
    QRectF m_rect;
    bool m_focus = false;
    bool m_matched = false;
};

} // namespace m1
