#pragma once

// A throw-away PostgreSQL server for tests: initdb into a temporary folder (password
// authentication, user m1test), then postgres on a free loopback port with its unix socket in
// the same folder, no fsync. Runs as 'nobody' when the tests run as root (PostgreSQL refuses
// root). It can be stopped and started again on the same port and socket (reconnect tests) and
// is stopped when the object goes away.

#include "spawnedprocess.h"
#include "store/sqlurl.h"

#include <QString>
#include <QTemporaryDir>

namespace m1 {

class PostgresTestServer
{
public:
    PostgresTestServer();
    ~PostgresTestServer();
    PostgresTestServer(const PostgresTestServer &) = delete;
    PostgresTestServer &operator=(const PostgresTestServer &) = delete;

    // The folder with initdb and postgres (M1_PG_BINDIR, Debian's /usr/lib/postgresql/N/bin,
    // or PATH); empty when PostgreSQL is not installed.
    static QString binDir();
    static bool isAvailable() { return !binDir().isEmpty(); }

    // initdb on the first call, then starts the server and waits until it accepts connections.
    bool start(QString *error);
    void stop(); // fast shutdown (SIGINT), waits
    bool isRunning() const;

    int port() const { return m_port; }
    QString socketDir() const { return m_dir.path(); }
    static QString user() { return QStringLiteral("m1test"); }
    static QString password() { return QStringLiteral("s3cret-Pa55"); }
    SqlUrl socketUrl(const QString &database) const;
    SqlUrl tcpUrl(const QString &database) const;

    // CREATE DATABASE `name` (letters, digits, underscore). False with *error.
    bool createDatabase(const QString &name, QString *error);
    // Runs one statement as the superuser in `database` (tests that break things on purpose).
    bool execute(const QString &database, const QString &sql, QString *error);
    QString logTail(int lines = 20) const;

private:
    bool initialise(QString *error);
    bool waitReady(qint64 logOffset, int timeoutMs, QString *error);
    QString dataDir() const { return m_dir.path() + QStringLiteral("/data"); }
    QString logPath() const { return m_dir.path() + QStringLiteral("/postgres.log"); }

    QTemporaryDir m_dir;
    SpawnedProcess m_process; // not QProcess: see spawnedprocess.h
    bool m_initialised = false;
    int m_port = 0;
};

} // namespace m1
