#include "store/sqlurl.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

const auto kForms = u"expected sqlite:///ABSOLUTE/PATH.db, "
                    u"postgresql://USER:PASSWORD@HOST:PORT/DATABASE or "
                    u"postgresql://USER:PASSWORD@/DATABASE?host=/socket/dir "
                    u"(or nothing: the SQLite file in the data folder)"_s;

QString decoded(const QString &part)
{
    return QUrl::fromPercentEncoding(part.toUtf8());
}

bool readInt(const QString &key, const QString &value, int min, int max, int *target,
             const QString &shown, QString *error)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n < min || n > max) {
        *error = u"database URL '"_s + shown + u"': '"_s + key + u"' must be a whole number from "_s
            + QString::number(min) + u" to "_s + QString::number(max) + u", got '"_s + value
            + u'\'';
        return false;
    }
    *target = n;
    return true;
}

std::optional<SqlUrl> parseSqlite(const QString &text, const QString &shown, QString *error)
{
    constexpr qsizetype prefix = 7; // "sqlite:"
    const qsizetype query = text.indexOf(u'?');
    const QString body = text.mid(prefix, query < 0 ? -1 : query - prefix);
    if (!body.startsWith(u"///")) {
        *error = u"database URL '"_s + shown
            + u"': expected sqlite:///ABSOLUTE/PATH.db (three slashes: the path must be "
              u"absolute)"_s;
        return std::nullopt;
    }
    SqlUrl url;
    url.kind = SqlUrl::Kind::Sqlite;
    url.path = QDir::cleanPath(decoded(body.mid(2)));
    if (url.path.size() <= 1) {
        *error = u"database URL '"_s + shown + u"': the SQLite file path is missing ("_s + kForms
            + u')';
        return std::nullopt;
    }
    if (query >= 0) {
        const QUrlQuery items(text.mid(query + 1));
        for (const auto &[key, value] : items.queryItems(QUrl::FullyDecoded)) {
            if (key == u"busy_timeout_ms") {
                if (!readInt(key, value, 0, 600000, &url.busyTimeoutMs, shown, error))
                    return std::nullopt;
            } else {
                *error = u"database URL '"_s + shown + u"': unknown SQLite option '"_s + key
                    + u"' (known: busy_timeout_ms)"_s;
                return std::nullopt;
            }
        }
    }
    return url;
}

// Splits "host[:port]" or "[v6]:port"; libpq's own URI rules, minus the multi-host lists.
bool splitHostPort(const QString &hostPort, SqlUrl &url, const QString &shown, QString *error)
{
    QString host = hostPort;
    QString port;
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        if (close < 0) {
            *error = u"database URL '"_s + shown + u"': unclosed '[' in the IPv6 host"_s;
            return false;
        }
        port = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (!port.isEmpty() && !port.startsWith(u':')) {
            *error = u"database URL '"_s + shown + u"': expected ':PORT' after the IPv6 host"_s;
            return false;
        }
        port = port.mid(1);
    } else if (const qsizetype colon = host.lastIndexOf(u':'); colon >= 0) {
        port = host.mid(colon + 1);
        host = host.left(colon);
    }
    if (host.contains(u',')) {
        *error = u"database URL '"_s + shown
            + u"': several hosts are not supported; give one HOST:PORT"_s;
        return false;
    }
    url.host = decoded(host);
    if (!port.isEmpty() && !readInt(u"port"_s, port, 1, 65535, &url.port, shown, error))
        return false;
    return true;
}

bool readPostgresQuery(const QString &query, SqlUrl &url, const QString &shown, QString *error)
{
    const QUrlQuery items(query);
    for (const auto &[key, value] : items.queryItems(QUrl::FullyDecoded)) {
        if (key == u"host") {
            url.host = value;
        } else if (key == u"port") {
            if (!readInt(key, value, 1, 65535, &url.port, shown, error))
                return false;
        } else if (key == u"connect_timeout") {
            if (!readInt(key, value, 1, 3600, &url.connectTimeoutS, shown, error))
                return false;
        } else if (key == u"sslmode") {
            static const QStringList modes = { u"disable"_s, u"allow"_s,     u"prefer"_s,
                                               u"require"_s, u"verify-ca"_s, u"verify-full"_s };
            if (!modes.contains(value)) {
                *error = u"database URL '"_s + shown + u"': sslmode must be one of "_s
                    + modes.join(u", "_s) + u", got '"_s + value + u'\'';
                return false;
            }
            url.sslMode = value;
        } else if (key == u"user") {
            url.user = value;
        } else if (key == u"password") {
            url.password = value;
        } else if (key == u"dbname") {
            url.database = value;
        } else {
            *error = u"database URL '"_s + shown + u"': unknown PostgreSQL option '"_s + key
                + u"' (known: host, port, user, password, dbname, connect_timeout, sslmode)"_s;
            return false;
        }
    }
    return true;
}

std::optional<SqlUrl> parsePostgres(const QString &text, const QString &shown, QString *error)
{
    SqlUrl url;
    url.kind = SqlUrl::Kind::Postgres;
    QString rest = text.mid(text.indexOf(u"://") + 3);
    QString query;
    if (const qsizetype q = rest.indexOf(u'?'); q >= 0) {
        query = rest.mid(q + 1);
        rest.truncate(q);
    }
    const qsizetype slash = rest.indexOf(u'/');
    const QString authority = slash < 0 ? rest : rest.left(slash);
    url.database = slash < 0 ? QString() : decoded(rest.mid(slash + 1));
    // The password may itself contain '@' when not percent-encoded: the last '@' ends it.
    QString hostPort = authority;
    if (const qsizetype at = authority.lastIndexOf(u'@'); at >= 0) {
        const QString userInfo = authority.left(at);
        hostPort = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(u':');
        url.user = decoded(colon < 0 ? userInfo : userInfo.left(colon));
        if (colon >= 0)
            url.password = decoded(userInfo.mid(colon + 1));
    }
    if (!splitHostPort(hostPort, url, shown, error))
        return std::nullopt;
    if (!readPostgresQuery(query, url, shown, error))
        return std::nullopt;
    if (url.database.isEmpty() || url.database.contains(u'/')) {
        *error = u"database URL '"_s + shown
            + u"': the database name is missing or malformed; expected "
              u"postgresql://USER:PASSWORD@HOST:PORT/DATABASE"_s;
        return std::nullopt;
    }
    if (!url.host.isEmpty() && !url.host.startsWith(u'/')
        && url.host.contains(QRegularExpression(u"[/\\s]"_s))) {
        *error = u"database URL '"_s + shown + u"': host '"_s + url.host
            + u"' is neither a host name nor an absolute socket folder"_s;
        return std::nullopt;
    }
    return url;
}

} // namespace

std::optional<SqlUrl> SqlUrl::parse(const QString &text, const QString &defaultSqlitePath,
                                    QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QString trimmed = text.trimmed();
    const QString shown = maskPassword(trimmed);
    if (trimmed.isEmpty() || trimmed == u"sqlite" || trimmed == u"default") {
        if (defaultSqlitePath.isEmpty()) {
            *error = u"no database URL and no data folder for the default SQLite file: "_s + kForms;
            return std::nullopt;
        }
        return sqlite(defaultSqlitePath);
    }
    if (trimmed.startsWith(u"sqlite:", Qt::CaseInsensitive))
        return parseSqlite(trimmed, shown, error);
    if (trimmed.startsWith(u"postgresql://", Qt::CaseInsensitive)
        || trimmed.startsWith(u"postgres://", Qt::CaseInsensitive))
        return parsePostgres(trimmed, shown, error);
    *error = u"database URL '"_s + shown + u"' is not understood: "_s + kForms;
    return std::nullopt;
}

SqlUrl SqlUrl::sqlite(const QString &path)
{
    SqlUrl url;
    url.kind = Kind::Sqlite;
    url.path = QDir::cleanPath(path);
    return url;
}

SqlUrl SqlUrl::postgres(const QString &host, int port, const QString &database, const QString &user,
                        const QString &password)
{
    SqlUrl url;
    url.kind = Kind::Postgres;
    url.host = host;
    url.port = port;
    url.database = database;
    url.user = user;
    url.password = password;
    return url;
}

QString SqlUrl::defaultSqlitePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"m1bot.db"_s);
}

QString SqlUrl::maskPassword(const QString &text)
{
    // scheme://user:SECRET@… and ?password=SECRET / &password=SECRET
    static const QRegularExpression inAuthority(
        u"^([A-Za-z][A-Za-z0-9+.-]*://[^:/@?]*:)([^/?]*)@"_s);
    static const QRegularExpression inQuery(u"([?&]password=)[^&]*"_s);
    QString masked = text;
    masked.replace(inAuthority, u"\\1***@"_s);
    masked.replace(inQuery, u"\\1***"_s);
    return masked;
}

QString SqlUrl::toDisplayString() const
{
    if (kind == Kind::Sqlite)
        return u"sqlite://"_s + path;
    QString auth;
    if (!user.isEmpty() || !password.isEmpty())
        auth = user + (password.isEmpty() ? QString() : u":***"_s) + u'@';
    if (isUnixSocket() || host.isEmpty()) {
        QString shown
            = u"postgresql://"_s + auth + u'/' + database + u"?port="_s + QString::number(port);
        if (!host.isEmpty())
            shown += u"&host="_s + host;
        return shown;
    }
    const QString hostPart = host.contains(u':') ? u'[' + host + u']' : host;
    return u"postgresql://"_s + auth + hostPart + u':' + QString::number(port) + u'/' + database;
}

} // namespace m1
