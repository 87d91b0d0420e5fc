#pragma once

// Brings a database to the newest schema version: schema_migrations records what has run;
// each missing migration runs in its own write transaction (under a cross-process lock on
// PostgreSQL, the SQLite write lock otherwise) that re-checks the version first, so two
// processes opening one database at once apply each step once. A database whose version is
// newer than any migration this build knows is refused rather than guessed at.

#include "store/sqldialect.h"
#include "store/sqlmigration.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace m1 {

class Clock;

class SqlMigrator
{
public:
    // `where` names the database in messages (a display URL, never with the password).
    SqlMigrator(QSqlDatabase db, SqlDialect dialect, const Clock &clock, QString where);

    // "" when the schema is at the newest of `migrations` (they must number 1, 2, 3, …).
    QString migrate(const QList<SqlMigration> &migrations);
    // The version recorded in the database; 0 when none; -1 with *error on failure.
    int currentVersion(QString *error) const;

private:
    QString ensureTable();
    QString apply(const SqlMigration &migration, bool *skipped);
    QString rollback(const QString &error);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    const Clock &m_clock;
    QString m_where;
};

} // namespace m1
