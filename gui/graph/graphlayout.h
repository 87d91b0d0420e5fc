#pragma once

// A laid-out part of the dependency graph, in scene coordinates (Graphviz points, y downwards):
// what the graph canvas draws and the exports write. A plain value, made on the layout worker.

#include "graph/graphscope.h"

#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace m1 {

struct LayoutNode
{
    QString id;
    QString method;   // upper case, for the colour
    QString subtitle; // "POST /pool-bookings"
    QPointF centre;
    QSizeF size;
    int hop = 0;      // distance from the focus
};

struct LayoutEdge
{
    QString from;
    QString to;
    QStringList keys;
    QString label; // the keys, shortened when there are many
    // Graphviz's spline: a start point, then three points (two controls, one end) per cubic
    // Bézier piece. Anything else is drawn as a polyline.
    QList<QPointF> points;
    QPointF arrowTip; // where the arrowhead points; equal to the last point when there is none
    QPointF labelPos;
    bool hasLabel = false;

    bool isSpline() const { return points.size() >= 4 && (points.size() - 1) % 3 == 0; }
};

struct GraphLayout
{
    GraphScope scope;
    QList<LayoutNode> nodes;
    QList<LayoutEdge> edges;
    QRectF bounds;
    QString dot;     // the laid-out graph in DOT, positions included (what "Export DOT" writes)
    QString engine;  // "dot" or "sfdp"
    double ms = 0;   // selection and layout
    int hidden = 0;  // neighbours the node limit left out
    int omittedEdges = 0; // links among outer tools that are not drawn
    QString error;   // empty on success

    bool isFocused() const { return !scope.showsAll() && !nodes.isEmpty(); }
};

} // namespace m1

Q_DECLARE_METATYPE(m1::GraphLayout)
