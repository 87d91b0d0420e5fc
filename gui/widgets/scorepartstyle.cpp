#include "widgets/scorepartstyle.h"

namespace m1 {

QString ScorePartStyle::name(int part)
{
    switch (part) {
    case 0: return tr("dense");
    case 1: return tr("lexical");
    case 2: return tr("method");
    case 3: return tr("user");
    case 4: return tr("category");
    case 5: return tr("docs");
    case 6: return tr("eval");
    default: return {};
    }
}

QColor ScorePartStyle::color(int part)
{
    // Tableau-like hues: distinct from one another, legible on white and on near-black.
    static const QColor colors[kPartCount] = {
        QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59), QColor(0x76, 0xb7, 0xb2),
        QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48), QColor(0xb0, 0x7a, 0xa1),
    };
    return part >= 0 && part < kPartCount ? colors[part] : QColor(Qt::gray);
}

float ScorePartStyle::value(const ScoreBreakdown &parts, int part)
{
    switch (part) {
    case 0: return parts.dense;
    case 1: return parts.lexical;
    case 2: return parts.method;
    case 3: return parts.user;
    case 4: return parts.category;
    case 5: return parts.docs;
    case 6: return parts.eval;
    default: return 0;
    }
}

QString ScorePartStyle::describe(const ScoreBreakdown &parts)
{
    QStringList out;
    for (int part = 0; part < kPartCount; ++part)
        out.append(name(part) + u' ' + QString::number(value(parts, part), 'f', 3));
    return out.join(QStringLiteral(" · "));
}

} // namespace m1
