#include "graph/graphexporter.h"

#include <QColor>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QRectF>
#include <QSaveFile>
#include <QSvgGenerator>

namespace m1 {
namespace {

constexpr qreal kMaxPixels = 16000;

} // namespace

QString GraphExporter::writePng(QGraphicsScene &scene, const QRectF &source, const QColor &background,
                                const QString &path, qreal scale)
{
    if (source.isEmpty())
        return tr("There is no graph to export.");
    scale = std::min(scale, kMaxPixels / std::max(source.width(), source.height()));
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(background);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(image.size())), source);
    }
    if (!image.save(path, "PNG"))
        return tr("Could not write the picture to %1.").arg(path);
    return {};
}

QString GraphExporter::writeSvg(QGraphicsScene &scene, const QRectF &source, const QString &title,
                                const QString &path)
{
    if (source.isEmpty())
        return tr("There is no graph to export.");
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setTitle(title);
    svg.setDescription(tr("Dependency graph exported from MobilityOne Console"));
    QPainter painter;
    if (!painter.begin(&svg))
        return tr("Could not write the drawing to %1.").arg(path);
    scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    return {};
}

QString GraphExporter::writeDot(const QString &dot, const QString &path)
{
    if (dot.isEmpty())
        return tr("There is no graph to export.");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return tr("Could not open %1 for writing: %2").arg(path, file.errorString());
    file.write(dot.toUtf8());
    if (!file.commit())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace m1
