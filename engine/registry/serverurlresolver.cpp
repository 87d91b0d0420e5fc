#include "registry/serverurlresolver.h"

#include "registry/jsonshape.h"
#include "registry/sourcelocation.h"

#include <QUrl>

namespace m1 {

ServerUrlResolver::ServerUrlResolver(ErrorCollector &errors, QString sourceLocation)
    : m_errors(errors)
    , m_source(std::move(sourceLocation))
{
}

QString ServerUrlResolver::openApi3(const QList<Located> &candidates)
{
    for (const Located &servers : candidates) {
        if (!servers.isDefined())
            continue;
        if (!servers.value.isArray()) {
            m_errors.error(
                servers.document, servers.pointer,
                JsonShape::expected(QStringLiteral("an array of server objects"), servers.value));
            continue;
        }
        if (servers.value.toArray().isEmpty())
            continue;
        const auto cached = m_cache.constFind(servers.key());
        if (cached != m_cache.constEnd())
            return *cached;
        const QString url = finish(substitute(servers.element(0)));
        m_cache.insert(servers.key(), url);
        return url;
    }
    return finish(QString()); // the spec's default server is "/"
}

QString ServerUrlResolver::substitute(const Located &server)
{
    const QJsonObject object = server.value.toObject();
    const QJsonValue urlValue = object.value(QLatin1String("url"));
    if (!urlValue.isString()) {
        const Located at = server.member(QStringLiteral("url"));
        m_errors.error(at.document, at.pointer,
                       JsonShape::expected(QStringLiteral("a server URL string"), urlValue));
        return QString();
    }
    QString url = urlValue.toString();
    const QJsonObject variables = object.value(QLatin1String("variables")).toObject();
    for (auto it = variables.constBegin(); it != variables.constEnd(); ++it) {
        const QJsonValue fallback = it.value().toObject().value(QLatin1String("default"));
        if (!fallback.isString()) {
            const Located at = server.member(QStringLiteral("variables")).member(it.key());
            m_errors.warning(
                at.document, at.pointer,
                QStringLiteral("server variable '%1' has no string 'default'").arg(it.key()));
            continue;
        }
        url.replace(u'{' + it.key() + u'}', fallback.toString());
    }
    return url;
}

QString ServerUrlResolver::swagger2(const Located &root) const
{
    const QJsonObject object = root.value.toObject();
    const QUrl source = SourceLocation::isHttpUrl(m_source) ? QUrl(m_source) : QUrl();
    QString host = object.value(QLatin1String("host")).toString();
    if (host.isEmpty() && source.isValid())
        host = source.authority();
    const QString basePath = object.value(QLatin1String("basePath")).toString();
    if (host.isEmpty())
        return finish(basePath);
    const QJsonArray schemes = object.value(QLatin1String("schemes")).toArray();
    QString scheme = source.isValid() ? source.scheme() : QStringLiteral("https");
    if (!schemes.isEmpty()) {
        scheme = schemes.contains(QJsonValue(QStringLiteral("https"))) ? QStringLiteral("https")
                                                                       : schemes.first().toString();
    }
    QString url = scheme + u"://" + host;
    if (!basePath.isEmpty() && !basePath.startsWith(u'/'))
        url += u'/';
    return finish(url + basePath);
}

QString ServerUrlResolver::finish(const QString &url) const
{
    QString out = url;
    if (SourceLocation::isHttpUrl(m_source) && !SourceLocation::isHttpUrl(out))
        out = QUrl(m_source).resolved(QUrl(out.isEmpty() ? QStringLiteral("/") : out)).toString();
    while (out.endsWith(u'/'))
        out.chop(1);
    return out;
}

} // namespace m1
