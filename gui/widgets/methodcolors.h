#pragma once

// One hue per HTTP method (read blue, create green, update orange, delete red), and fills that
// mix it into the palette's base colour, so tinted boxes read in light and dark themes alike.

#include <QColor>
#include <QString>

class QPalette;

namespace m1 {

class MethodColors
{
public:
    static QColor accent(const QString &method);
    // A soft tint of the method's hue over the palette's base colour, for box fills.
    static QColor fill(const QString &method, const QPalette &palette);
    // a·(1 − t) + b·t per channel.
    static QColor mix(const QColor &a, const QColor &b, qreal t);
};

} // namespace m1
