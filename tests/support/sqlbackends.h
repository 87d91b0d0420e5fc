#pragma once

// The two rows every SQL store suite runs with ("sqlite", "postgresql") and a fresh, empty
// database per test: a new file in a temporary folder, or a new database on one throw-away
// PostgreSQL server per test executable.
//
//   void initTestCase_data() { SqlBackends::addRows(); }
//   void initTestCase()      { m_backends.startOrFail(); }
//   void init()              { m_db = m_backends.openFreshOrSkip(m_clock);
//                              if (m_db) m_users = …; }
//
// The ...OrFail/...OrSkip steps record the skip or failure of the running test themselves
// (as QSKIP/QVERIFY2 would, so Qt Test then leaves the test function out); the caller only
// has to stop when they return nothing.
//
// The postgresql rows are skipped (said loudly) only when the PostgreSQL server binaries are
// not installed; installed but failing to start fails the suite.

#include "postgrestestserver.h"
#include "store/sqldatabase.h"
#include "store/sqlurl.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace m1 {

class Clock;

class SqlBackends
{
public:
    SqlBackends();

    static void addRows();
    static bool isPostgres(const QString &backend) { return backend == u"postgresql"; }

    // Starts PostgreSQL when installed. False with *error when installed but not startable.
    bool start(QString *error);
    // A new empty database. nullopt with *skip set when the backend cannot run here, or with
    // *error when it should but failed.
    std::optional<SqlUrl> freshDatabase(const QString &backend, QString *skip, QString *error);

    // The Qt Test fixture steps (see the top of this file).
    // The running row's "backend" (from addRows()).
    static QString currentBackend();
    // start(); false after recording the failure.
    bool startOrFail();
    // freshDatabase(); nullopt after recording the skip or failure.
    std::optional<SqlUrl> freshDatabaseOrSkip(const QString &backend);
    // A fresh database opened (and migrated); nullptr after recording the skip or failure.
    std::unique_ptr<SqlDatabase> openFreshOrSkip(const QString &backend, const Clock &clock);
    std::unique_ptr<SqlDatabase> openFreshOrSkip(const Clock &clock)
    {
        return openFreshOrSkip(currentBackend(), clock);
    }

    PostgresTestServer &postgres() { return m_postgres; }
    // A path in the suite's temporary folder.
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    PostgresTestServer m_postgres;
    bool m_postgresAvailable = false;
    int m_next = 0;
};

} // namespace m1
