#pragma once

// Writes the graph canvas to PNG or SVG, and the laid-out graph to DOT. Each returns an empty
// string on success, else a message naming the file and what went wrong.

#include <QCoreApplication>
#include <QString>

class QGraphicsScene;
class QRectF;
class QColor;

namespace m1 {

class GraphExporter
{
    Q_DECLARE_TR_FUNCTIONS(GraphExporter)

public:
    // scale 2 gives a sharp picture on high-density screens; capped to keep the image sane.
    static QString writePng(QGraphicsScene &scene, const QRectF &source, const QColor &background,
                            const QString &path, qreal scale = 2.0);
    static QString writeSvg(QGraphicsScene &scene, const QRectF &source, const QString &title,
                            const QString &path);
    static QString writeDot(const QString &dot, const QString &path);
};

} // namespace m1
