#include "widgets/methodcolors.h"

#include <QPalette>

namespace m1 {

QColor MethodColors::accent(const QString &method)
{
    // Mid-lightness hues: strong enough on white, not glaring on a dark base.
    if (method == u"GET" || method == u"HEAD" || method == u"OPTIONS")
        return QColor(0x3b, 0x82, 0xc4);
    if (method == u"POST")
        return QColor(0x3a, 0x9a, 0x4a);
    if (method == u"PUT" || method == u"PATCH")
        return QColor(0xd0, 0x8a, 0x1e);
    if (method == u"DELETE")
        return QColor(0xcc, 0x44, 0x44);
    return QColor(0x88, 0x88, 0x88);
}

QColor MethodColors::fill(const QString &method, const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), accent(method), 0.28);
}

QColor MethodColors::mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t), float(a.alphaF() * (1 - t) + b.alphaF() * t));
}

} // namespace m1
