#pragma once

// The SQL store's database (SQLite file or PostgreSQL server), usable from any thread: each
// thread gets its own Qt SQL connection on first use (Qt SQL connections must stay in the
// thread that opened them), removed when that thread exits or when this object goes away.
//
//   auto db = SqlDatabase::open(url, clock, &error);   // connects here and migrates
//   if (!db) fail(error);                              // says what was expected, no password
//   UserRepository users(*db, clock);                  // any thread from now on
//
// Destroy it after the threads that used it have stopped (their connections close with them).

#include "store/sqldatabaseoptions.h"
#include "store/sqldialect.h"
#include "store/sqlurl.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

namespace m1 {

class Clock;
class SqlConnectionRegistry;

class SqlDatabase
{
public:
    // nullptr with *error when the driver is missing, the database cannot be reached, opened,
    // written, or has a schema newer than this build's.
    static std::unique_ptr<SqlDatabase> open(const SqlUrl &url, const Clock &clock, QString *error,
                                             SqlDatabaseOptions options = {});
    ~SqlDatabase();
    SqlDatabase(const SqlDatabase &) = delete;
    SqlDatabase &operator=(const SqlDatabase &) = delete;

    const SqlUrl &url() const { return m_url; }
    const SqlDialect &dialect() const { return m_dialect; }
    QString displayName() const { return m_url.toDisplayString(); }

    // The calling thread's connection, opened (or reopened) as needed; invalid with *error.
    QSqlDatabase connection(QString *error) const;
    // Closes the calling thread's connection so the next use reconnects (after a server
    // restart or a broken socket).
    void resetConnection() const;
    // Runs `work` inside one write transaction on this thread's connection: committed when it
    // returns "", rolled back (and the error returned) otherwise. When the connection turns out
    // to have died before the commit (a server restart), it is reopened and `work` runs once
    // more, so `work` must start from scratch each time it is called.
    QString write(const std::function<QString(const QSqlDatabase &)> &work) const;
    // Runs reads on this thread's connection, with the same one retry on a dead connection.
    QString read(const std::function<QString(const QSqlDatabase &)> &work) const;
    // The schema version recorded in the database; -1 with *error.
    int schemaVersion(QString *error) const;
    // Connections currently open across threads (tests check that threads clean up).
    int liveConnections() const;

private:
    SqlDatabase(SqlUrl url, const Clock &clock, SqlDatabaseOptions options);
    QString prepareFile() const;
    void configure(QSqlDatabase &db) const;
    QString initialise(const QSqlDatabase &db) const;
    QString explain(const QString &error) const;
    bool isAlive(const QSqlDatabase &db) const;

    const SqlUrl m_url;
    const SqlDialect m_dialect;
    const Clock &m_clock;
    const SqlDatabaseOptions m_options;
    std::shared_ptr<SqlConnectionRegistry> m_connections;
};

} // namespace m1
