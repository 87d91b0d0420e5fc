#pragma once

// Where the engine keeps its state, as given by --store or the config file:
//   managed                              the engine's own redis-server on a unix socket
//   memory                               in-process, nothing shared, lost on exit
//   redis://[[user]:password@]host[:port][/db][?connect_timeout_ms=N&command_timeout_ms=N]
//   unix:///path/to/redis.sock[?db=N&password=P&connect_timeout_ms=N&command_timeout_ms=N]

#include <QString>

#include <optional>

namespace m1 {

struct StoreUrl
{
    enum class Kind { Managed, Memory, Tcp, Unix };

    Kind kind = Kind::Memory;
    QString host; // Tcp
    int port = 6379; // Tcp
    QString socketPath; // Unix
    int db = 0;
    QString username; // Redis 6 ACL user; empty → the default user
    QString password; // empty → no AUTH
    int connectTimeoutMs = 2000;
    int commandTimeoutMs = 5000;

    // Parses `text`; on failure returns nullopt and says in *error what was wrong and what
    // forms are accepted.
    static std::optional<StoreUrl> parse(const QString &text, QString *error);
    static StoreUrl unixSocket(const QString &path, int db = 0);
    static StoreUrl tcp(const QString &host, int port, int db = 0);

    bool isRedis() const { return kind == Kind::Tcp || kind == Kind::Unix; }
    // The URL with the password masked, for logs and the console's status line.
    QString toDisplayString() const;
};

} // namespace m1
