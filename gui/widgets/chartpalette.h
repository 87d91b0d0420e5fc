#pragma once

// Colours a chart from a widget palette (background, text, grid), so charts follow the
// system's light or dark theme instead of Qt Charts' fixed light look.

class QChart;
class QPalette;

namespace m1 {

class ChartPalette
{
public:
    static void apply(QChart *chart, const QPalette &palette);
};

} // namespace m1
