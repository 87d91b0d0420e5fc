#include "agent/functionnames.h"

#include <QCryptographicHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

bool allowed(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'
            || u == u'-';
}

// Eight hex digits of the id's SHA-1: stable across runs and platforms (qHash is seeded).
QString shortHash(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
}

QString withSuffix(const QString &base, const QString &suffix)
{
    return base.left(FunctionNames::kMaxLength - int(suffix.size())) + suffix;
}

} // namespace

QString FunctionNames::sanitize(const QString &toolId)
{
    QString name;
    name.reserve(toolId.size());
    for (QChar c : toolId)
        name.append(allowed(c) ? c : u'_');
    if (name.isEmpty())
        name = u"tool"_s;
    if (name.size() > kMaxLength)
        name = withSuffix(name, u'_' + shortHash(toolId));
    return name;
}

bool FunctionNames::isValid(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-zA-Z0-9_-]{1,64}$"_s);
    return pattern.match(name).hasMatch();
}

QString FunctionNames::add(const QString &toolId)
{
    if (const auto it = m_nameByTool.constFind(toolId); it != m_nameByTool.cend())
        return *it;
    QString name = sanitize(toolId);
    if (m_toolByName.contains(name))
        name = withSuffix(name, u'_' + shortHash(toolId));
    const QString base = name;
    for (int n = 2; m_toolByName.contains(name); ++n)
        name = withSuffix(base, u'_' + QString::number(n));
    m_toolByName.insert(name, toolId);
    m_nameByTool.insert(toolId, name);
    return name;
}

} // namespace m1
