#include "graph/synthetictoolfactory.h"

#include "graph/keynormalizer.h"

namespace m1 {

namespace {

QString marker(int copyIndex)
{
    return u'c' + QString::number(copyIndex);
}

QString markSegment(QStringView segment, const QString &mark)
{
    const QString words = KeyNormalizer::snake(segment);
    if (words.isEmpty() || KeyNormalizer::isReserved(words))
        return segment.toString();
    return mark + words;
}

} // namespace

QString SyntheticToolFactory::markName(const QString &name, int copyIndex)
{
    const QString mark = marker(copyIndex);
    QString out;
    out.reserve(name.size() + 8);
    const QList<QStringView> segments = QStringView(name).split(u'.');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            out += u'.';
        out += markSegment(segments[i], mark);
    }
    return out;
}

QString SyntheticToolFactory::markPath(const QString &path, int copyIndex)
{
    const QString mark = marker(copyIndex);
    QString out;
    out.reserve(path.size() + 16);
    const QList<QStringView> segments = QStringView(path).split(u'/');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            out += u'/';
        const QStringView segment = segments[i];
        if (segment.startsWith(u'{') && segment.endsWith(u'}'))
            out += u'{' + markName(segment.sliced(1, segment.size() - 2).toString(), copyIndex) + u'}';
        else if (!segment.isEmpty())
            out += markSegment(segment, mark);
    }
    return out;
}

ToolDefinition SyntheticToolFactory::copyOf(const ToolDefinition &tool, int copyIndex)
{
    const QString suffix = u'_' + marker(copyIndex);
    ToolDefinition copy = tool; // schemas and texts stay implicitly shared with the base
    copy.id = tool.id + suffix;
    if (!tool.operationId.isEmpty())
        copy.operationId = tool.operationId + suffix;
    copy.path = markPath(tool.path, copyIndex);
    for (ToolParameter &param : copy.parameters)
        param.name = markName(param.name, copyIndex);
    for (QString &key : copy.outputKeys)
        key = markName(key, copyIndex);
    return copy;
}

QList<ToolDefinition> SyntheticToolFactory::derive(const QList<ToolDefinition> &base, int count)
{
    QList<ToolDefinition> out;
    if (base.isEmpty() || count <= 0)
        return out;
    out.reserve(count);
    const int size = int(base.size());
    for (int i = 0; i < count; ++i)
        out.append(copyOf(base.at(i % size), i / size));
    return out;
}

} // namespace m1
