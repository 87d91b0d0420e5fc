#pragma once

// The base URL of an operation. 3.x: the first server of the operation, else of its path,
// else of the document, with server variables replaced by their defaults and a relative URL
// resolved against the URL the spec came from. 2.0: scheme (https when offered) + host +
// basePath, host and scheme defaulting to the spec's own URL. Trailing slashes are dropped so
// baseUrl + path is the request URL.

#include "registry/errorcollector.h"
#include "registry/located.h"

namespace m1 {

class ServerUrlResolver
{
public:
    // `sourceLocation` is the path or URL the spec was loaded from.
    ServerUrlResolver(ErrorCollector &errors, QString sourceLocation);

    // `candidates`: the `servers` members from the most to the least specific; undefined ones
    // are skipped.
    QString openApi3(const QList<Located> &candidates);
    QString swagger2(const Located &root) const;

private:
    QString substitute(const Located &server);
    QString finish(const QString &url) const;

    ErrorCollector &m_errors;
    QString m_source;
    QHash<QString, QString> m_cache; // servers pointer -> URL: most operations share the root list
};

} // namespace m1
