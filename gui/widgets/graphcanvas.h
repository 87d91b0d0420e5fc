#pragma once

// The dependency graph's drawing surface: shows one GraphLayout, zooms with the wheel (around
// the pointer) or zoomIn()/zoomOut()/fitAll(), pans by dragging, and reports a click on a tool
// (a press and release without a drag) as nodeClicked.

#include "graph/graphlayout.h"

#include <QGraphicsView>
#include <QHash>

namespace m1 {

class GraphEdgeItem;
class GraphNodeItem;

class GraphCanvas : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphCanvas(QWidget *parent = nullptr);

    void showLayout(const GraphLayout &layout);
    const GraphLayout &currentLayout() const { return m_layout; }
    GraphNodeItem *node(const QString &toolId) const { return m_nodes.value(toolId); }
    QStringList nodeIds() const { return m_nodes.keys(); }
    // Frames the tools whose id contains text (case-insensitive); returns how many.
    int highlight(const QString &text);
    // The bounding box of everything drawn, for exports.
    QRectF contentRect() const;

    qreal zoom() const { return transform().m11(); }
    void zoomIn();
    void zoomOut();
    void fitAll();

Q_SIGNALS:
    void nodeClicked(const QString &toolId);
    void nodeMenuRequested(const QString &toolId, const QPoint &globalPos);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    GraphNodeItem *nodeAt(const QPoint &viewPos) const;
    void scaleBy(qreal factor);

    QGraphicsScene *m_scene;
    GraphLayout m_layout;
    QHash<QString, GraphNodeItem *> m_nodes;
    QList<GraphEdgeItem *> m_edges;
    QPoint m_pressPos;
    bool m_fitted = true; // keep fitting on resize until the user zooms
};

} // namespace m1
