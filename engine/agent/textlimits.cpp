#include "agent/textlimits.h"

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Largest cut position <= max that does not split a surrogate pair.
int safeCut(const QString &text, int max)
{
    int cut = qMin(max, int(text.size()));
    if (cut > 0 && cut < text.size() && text.at(cut - 1).isHighSurrogate())
        --cut;
    return cut;
}

} // namespace

QString TextLimits::ellipsize(const QString &input, int max)
{
    const QString text = input.simplified();
    if (text.size() <= max)
        return text;
    if (max <= 1)
        return max == 1 ? u"…"_s : QString();
    int cut = safeCut(text, max - 1);
    const int space = int(text.lastIndexOf(u' ', cut));
    if (space >= (max * 2) / 3)
        cut = space;
    QString out = text.left(cut);
    while (!out.isEmpty() && (out.back().isSpace() || out.back() == u',' || out.back() == u'.'
                              || out.back() == u'-' || out.back() == u':' || out.back() == u';'))
        out.chop(1);
    return out + u'…';
}

QStringList TextLimits::split(const QString &text, int max)
{
    QStringList chunks;
    QString rest = text.trimmed();
    while (rest.size() > max) {
        const QString window = rest.left(max);
        int cut = int(window.lastIndexOf(u"\n\n"_s));
        if (cut < max / 2) {
            const int line = int(window.lastIndexOf(u'\n'));
            cut = line >= max / 2 ? line : -1;
        }
        if (cut < 0) {
            int best = -1;
            for (const QString &end : {u". "_s, u"! "_s, u"? "_s, u".\n"_s, u"… "_s}) {
                const int at = int(window.lastIndexOf(end));
                if (at >= 0)
                    best = qMax(best, at + 1); // keep the full stop with its sentence
            }
            cut = best >= max / 2 ? best : -1;
        }
        if (cut < 0) {
            const int space = int(window.lastIndexOf(u' '));
            cut = space > 0 ? space : -1;
        }
        if (cut <= 0)
            cut = safeCut(rest, max);
        const QString chunk = rest.left(cut).trimmed();
        if (!chunk.isEmpty())
            chunks.append(chunk);
        rest = rest.mid(cut).trimmed();
    }
    if (!rest.isEmpty())
        chunks.append(rest);
    return chunks;
}

} // namespace m1
