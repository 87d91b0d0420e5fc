#include "registry/idallocator.h"

namespace m1 {

IdAllocator::Allocation IdAllocator::allocate(const QString &preferred, const QString &source)
{
    const QString base = preferred.isEmpty() ? QStringLiteral("tool") : preferred;
    const auto owner = m_owners.constFind(base);
    if (owner == m_owners.constEnd()) {
        m_owners.insert(base, source);
        return { base, QString() };
    }
    Allocation result { QString(), *owner };
    for (int n = 2;; ++n) {
        const QString candidate = base + u'_' + QString::number(n);
        if (!m_owners.contains(candidate)) {
            result.id = candidate;
            break;
        }
    }
    m_owners.insert(result.id, source);
    return result;
}

QString IdAllocator::sanitize(const QString &operationId)
{
    QString out;
    out.reserve(operationId.size());
    bool separator = false;
    for (QChar c : operationId.trimmed()) {
        const bool keep
            = (c.isLetterOrNumber() && c.unicode() < 128) || c == u'_' || c == u'-' || c == u'.';
        if (keep) {
            out += c;
            separator = false;
        } else if (!separator) {
            out += u'_';
            separator = true;
        }
    }
    while (out.endsWith(u'_') && !operationId.trimmed().endsWith(u'_'))
        out.chop(1);
    return out;
}

QString IdAllocator::slug(const QString &method, const QString &path)
{
    QString out = method.toLower();
    out.reserve(out.size() + path.size() + 1);
    bool separator = true;
    out += u'_';
    for (QChar c : path) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            out += c.toLower();
            separator = false;
        } else if (!separator) {
            out += u'_';
            separator = true;
        }
    }
    while (out.endsWith(u'_'))
        out.chop(1);
    if (out == method.toLower())
        out += QLatin1String("_root");
    return out;
}

} // namespace m1
