#include "store/storeurl.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

const auto kForms = u"expected managed, memory, redis://[:PASSWORD@]HOST:PORT/DB or unix:///PATH"_s;

bool readTimeouts(const QUrlQuery &query, StoreUrl &url, QString *error)
{
    const QList<std::pair<QString, int *>> known = {
        { u"connect_timeout_ms"_s, &url.connectTimeoutMs },
        { u"command_timeout_ms"_s, &url.commandTimeoutMs },
        { u"db"_s, &url.db },
    };
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"password") {
            url.password = value;
            continue;
        }
        bool found = false;
        for (const auto &[name, target] : known) {
            if (key != name)
                continue;
            found = true;
            bool ok = false;
            const int n = value.toInt(&ok);
            if (!ok || n < 0) {
                *error = u"store URL: '"_s + key + u"' must be a non-negative integer, got '"_s
                    + value + u'\'';
                return false;
            }
            *target = n;
        }
        if (!found) {
            *error = u"store URL: unknown option '"_s + key
                + u"' (known: connect_timeout_ms, command_timeout_ms, db, password)"_s;
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<StoreUrl> StoreUrl::parse(const QString &text, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QString trimmed = text.trimmed();
    StoreUrl url;
    if (trimmed == u"managed") {
        url.kind = Kind::Managed;
        return url;
    }
    if (trimmed == u"memory") {
        url.kind = Kind::Memory;
        return url;
    }
    if (trimmed.startsWith(u"rediss://")) {
        *error = u"store '"_s + trimmed
            + u"': TLS (rediss://) is not supported by the hiredis 0.14 client this build uses; "
              u"reach a TLS server through a local TLS tunnel (stunnel, spiped) and give its "
              u"redis:// address, or use a unix:/// socket"_s;
        return std::nullopt;
    }
    const QUrl parsed(trimmed, QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != u"redis" && parsed.scheme() != u"unix")) {
        *error = u"store '"_s + trimmed + u"' is not understood: "_s + kForms;
        return std::nullopt;
    }
    if (!readTimeouts(QUrlQuery(parsed), url, error))
        return std::nullopt;

    if (parsed.scheme() == u"unix") {
        url.kind = Kind::Unix;
        url.socketPath = parsed.path(QUrl::FullyDecoded);
        if (!parsed.host().isEmpty() || !url.socketPath.startsWith(u'/')) {
            *error = u"store '"_s + trimmed
                + u"': a unix socket needs an absolute path with three slashes, "
                  u"e.g. unix:///run/redis/redis.sock"_s;
            return std::nullopt;
        }
        if (url.socketPath.toUtf8().size() > 107) {
            *error = u"store '"_s + trimmed
                + u"': the socket path is longer than the 107 bytes a unix socket allows"_s;
            return std::nullopt;
        }
        return url;
    }

    url.kind = Kind::Tcp;
    url.host = parsed.host();
    if (url.host.isEmpty()) {
        *error = u"store '"_s + trimmed + u"' has no host: expected redis://HOST:PORT/DB"_s;
        return std::nullopt;
    }
    url.port = parsed.port(6379);
    if (url.port <= 0) {
        *error = u"store '"_s + trimmed + u"': port must be 1-65535"_s;
        return std::nullopt;
    }
    url.username = parsed.userName(QUrl::FullyDecoded);
    if (parsed.password(QUrl::FullyDecoded).size() > 0)
        url.password = parsed.password(QUrl::FullyDecoded);
    else if (!url.username.isEmpty() && url.password.isEmpty()) {
        // redis://secret@host is how many tools write a password-only URL.
        url.password = url.username;
        url.username.clear();
    }
    const QString path = parsed.path();
    if (!path.isEmpty() && path != u"/") {
        bool ok = false;
        url.db = path.mid(1).toInt(&ok);
        if (!ok || url.db < 0) {
            *error = u"store '"_s + trimmed
                + u"': the database after the '/' must be a number, got '"_s + path.mid(1) + u'\'';
            return std::nullopt;
        }
    }
    return url;
}

StoreUrl StoreUrl::unixSocket(const QString &path, int db)
{
    StoreUrl url;
    url.kind = Kind::Unix;
    url.socketPath = path;
    url.db = db;
    return url;
}

StoreUrl StoreUrl::tcp(const QString &host, int port, int db)
{
    StoreUrl url;
    url.kind = Kind::Tcp;
    url.host = host;
    url.port = port;
    url.db = db;
    return url;
}

QString StoreUrl::toDisplayString() const
{
    switch (kind) {
    case Kind::Managed:
        return u"managed"_s;
    case Kind::Memory:
        return u"memory"_s;
    case Kind::Unix:
        return u"unix://"_s + socketPath + (db ? u"?db="_s + QString::number(db) : QString());
    case Kind::Tcp: {
        QString auth;
        if (!password.isEmpty())
            auth = username + u":***@"_s;
        const QString shownHost = host.contains(u':') ? u'[' + host + u']' : host;
        return u"redis://"_s + auth + shownHost + u':' + QString::number(port) + u'/'
            + QString::number(db);
    }
    }
    return {};
}

} // namespace m1
