#include "widgets/graphnodeitem.h"

#include "widgets/methodcolors.h"

#include <QCursor>
#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

namespace m1 {

GraphNodeItem::GraphNodeItem(const LayoutNode &node, bool isFocus)
    : m_node(node)
    , m_rect(-node.size.width() / 2, -node.size.height() / 2, node.size.width(), node.size.height())
    , m_focus(isFocus)
{
    setPos(node.centre);
    setZValue(2);
    setToolTip(node.id + u'\n' + node.subtitle);
    setCursor(Qt::PointingHandCursor);
}

void GraphNodeItem::setMatched(bool matched)
{
    if (matched == m_matched)
        return;
    m_matched = matched;
    update();
}

QRectF GraphNodeItem::boundingRect() const
{
    return m_rect.adjusted(-3, -3, 3, 3);
}

void GraphNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor accent = MethodColors::accent(m_node.method);
    painter->setRenderHint(QPainter::Antialiasing);
    QPen frame(m_focus ? palette.color(QPalette::Text) : accent, m_focus ? 2.5 : 1.2);
    if (m_matched) {
        frame = QPen(palette.color(QPalette::Highlight), 3, Qt::DashLine);
    }
    painter->setPen(frame);
    painter->setBrush(MethodColors::fill(m_node.method, palette));
    painter->drawRoundedRect(m_rect, 5, 5);

    painter->setPen(palette.color(QPalette::Text));
    // The layouter sized the box for the scene's font.
    QFont font = scene() ? scene()->font() : painter->font();
    const QRectF top(m_rect.left() + 4, m_rect.top() + 3, m_rect.width() - 8, m_rect.height() / 2 - 2);
    const QRectF bottom(m_rect.left() + 4, m_rect.center().y(), m_rect.width() - 8, m_rect.height() / 2 - 3);
    font.setBold(true);
    painter->setFont(font);
    painter->drawText(top, Qt::AlignCenter, m_node.id);
    font.setBold(false);
    painter->setFont(font);
    painter->drawText(bottom, Qt::AlignCenter, m_node.subtitle);
}

} // namespace m1
