#include "widgets/graphcanvas.h"

#include "widgets/graphedgeitem.h"
#include "widgets/graphnodeitem.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

namespace m1 {
namespace {

constexpr qreal kMinZoom = 0.03;
constexpr qreal kMaxZoom = 6.0;
constexpr qreal kStep = 1.25;

} // namespace

GraphCanvas::GraphCanvas(QWidget *parent) : QGraphicsView(parent), m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    m_scene->setPalette(palette());
    m_scene->setFont(font());
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setBackgroundRole(QPalette::Base);
}

void GraphCanvas::showLayout(const GraphLayout &layout)
{
    m_scene->clear();
    m_nodes.clear();
    m_edges.clear();
    m_layout = layout;
    const QString focusId = layout.isFocused() ? layout.scope.focusId : QString();
    const bool labels = layout.engine == u"dot";
    for (const LayoutEdge &edge : layout.edges) {
        auto *item = new GraphEdgeItem(edge, labels);
        item->setEmphasised(!focusId.isEmpty() && (edge.from == focusId || edge.to == focusId)
                            && layout.scope.hops > 1);
        m_scene->addItem(item);
        m_edges.append(item);
    }
    for (const LayoutNode &node : layout.nodes) {
        auto *item = new GraphNodeItem(node, node.id == focusId);
        m_scene->addItem(item);
        m_nodes.insert(node.id, item);
    }
    m_scene->setSceneRect(contentRect().adjusted(-40, -40, 40, 40));
    fitAll();
}

QRectF GraphCanvas::contentRect() const
{
    const QRectF items = m_scene->itemsBoundingRect();
    return items.isEmpty() ? m_layout.bounds : items;
}

int GraphCanvas::highlight(const QString &text)
{
    int matches = 0;
    for (GraphNodeItem *item : std::as_const(m_nodes)) {
        const bool match = !text.isEmpty() && item->toolId().contains(text, Qt::CaseInsensitive);
        item->setMatched(match);
        matches += match ? 1 : 0;
    }
    return matches;
}

void GraphCanvas::zoomIn()
{
    scaleBy(kStep);
}

void GraphCanvas::zoomOut()
{
    scaleBy(1 / kStep);
}

void GraphCanvas::fitAll()
{
    m_fitted = true;
    const QRectF content = contentRect();
    if (content.isEmpty())
        return;
    fitInView(content.adjusted(-10, -10, 10, 10), Qt::KeepAspectRatio);
    // A two-node graph would be blown up to giant boxes; never fit above life size.
    if (zoom() > 1.0)
        setTransform(QTransform());
    centerOn(content.center());
}

void GraphCanvas::scaleBy(qreal factor)
{
    const qreal next = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(next, zoom()))
        return;
    m_fitted = false;
    scale(next / zoom(), next / zoom());
}

void GraphCanvas::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    scaleBy(std::pow(kStep, delta / 120.0));
    event->accept();
}

GraphNodeItem *GraphCanvas::nodeAt(const QPoint &viewPos) const
{
    for (QGraphicsItem *item : items(viewPos)) {
        if (auto *node = dynamic_cast<GraphNodeItem *>(item))
            return node;
    }
    return nullptr;
}

void GraphCanvas::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    QGraphicsView::mousePressEvent(event);
}

void GraphCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    const QPoint pos = event->position().toPoint();
    if (event->button() != Qt::LeftButton
        || (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
        return;
    if (GraphNodeItem *node = nodeAt(pos))
        Q_EMIT nodeClicked(node->toolId());
}

void GraphCanvas::contextMenuEvent(QContextMenuEvent *event)
{
    if (GraphNodeItem *node = nodeAt(event->pos())) {
        Q_EMIT nodeMenuRequested(node->toolId(), event->globalPos());
        event->accept();
        return;
    }
    QGraphicsView::contextMenuEvent(event);
}

void GraphCanvas::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        fitAll();
}

void GraphCanvas::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_scene->setPalette(palette());
        m_scene->update();
    } else if (event->type() == QEvent::FontChange) {
        m_scene->setFont(font());
    }
}

} // namespace m1
