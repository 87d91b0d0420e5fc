#pragma once

// Where the SQL store lives (users, message log, tool evaluations), as given by a URL:
//   (empty) | sqlite | default                  the SQLite file in the engine's data folder
//   sqlite:///ABSOLUTE/PATH.db[?busy_timeout_ms=N]
//   postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DATABASE[?connect_timeout=S&sslmode=M]
//   postgresql://USER[:PASSWORD]@/DATABASE?host=/socket/dir[&port=N]   (unix socket; the host
//       may also be given percent-encoded in place: postgresql://USER@%2Fsocket%2Fdir/DATABASE)
// postgres:// is accepted as a synonym. The password never appears in toDisplayString() or in
// an error message.

#include <QString>

#include <optional>

namespace m1 {

struct SqlUrl
{
    enum class Kind { Sqlite, Postgres };

    Kind kind = Kind::Sqlite;
    QString path; // Sqlite: absolute file path
    QString host; // Postgres: name or address, or a unix socket folder (starts with '/');
                  // empty → libpq's default socket folder
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString sslMode; // Postgres: passed to libpq when set
    int connectTimeoutS = 5; // Postgres: libpq connect_timeout
    int busyTimeoutMs = 5000; // Sqlite: how long a writer waits for another one's lock

    // Parses `text`. `defaultSqlitePath` is the file an empty text (or "sqlite"/"default")
    // names, normally defaultSqlitePath(dataDir). nullopt with *error saying what was wrong and
    // which forms are accepted.
    static std::optional<SqlUrl> parse(const QString &text, const QString &defaultSqlitePath,
                                       QString *error);
    static SqlUrl sqlite(const QString &path);
    static SqlUrl postgres(const QString &host, int port, const QString &database,
                           const QString &user, const QString &password);
    // The database file inside the engine's data folder.
    static QString defaultSqlitePath(const QString &dataDir);
    // `text` with any password in it replaced by "***", for echoing input back in errors.
    static QString maskPassword(const QString &text);

    bool isUnixSocket() const { return kind == Kind::Postgres && host.startsWith(u'/'); }
    // The URL with the password masked, for logs, errors and status lines.
    QString toDisplayString() const;
};

} // namespace m1
