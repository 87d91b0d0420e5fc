#pragma once

// The two rows every SQL store suite runs with ("sqlite", "postgresql") and a fresh, empty
// database per test: a new file in a temporary folder, or a new database on one throw-away
// PostgreSQL server per test executable.
//
//   void initTestCase_data() { SqlBackends::addRows(); }
//   void initTestCase()      { QVERIFY2(m_backends.start(&error), qPrintable(error)); }
//   void init()              { QFETCH_GLOBAL(QString, backend);
//                              auto url = m_backends.freshDatabase(backend, &skip, &error); … }
//
// The postgresql rows are skipped (said loudly) only when the PostgreSQL server binaries are
// not installed; installed but failing to start fails the suite.

#include "postgrestestserver.h"
#include "store/sqlurl.h"

#include <QString>
#include <QTemporaryDir>

#include <optional>

namespace m1 {

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
