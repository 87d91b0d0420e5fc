#pragma once

// The parts of a search score (dense, lexical, method, user, category, docs, eval): their
// names, their values in a ScoreBreakdown, and a colour each. The colours are mid-lightness
// hues that stay readable on light and dark bases alike.

#include "search/searchresult.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace m1 {

class ScorePartStyle
{
    Q_DECLARE_TR_FUNCTIONS(ScorePartStyle)

public:
    static constexpr int kPartCount = 7;

    static QString name(int part);
    static QColor color(int part);
    static float value(const ScoreBreakdown &parts, int part);
    // "dense 0.084 · lexical 0.446 · …", every part, for tooltips.
    static QString describe(const ScoreBreakdown &parts);
};

} // namespace m1
