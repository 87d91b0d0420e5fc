#pragma once

// How SqlDatabase::open prepares a database. The defaults are the product's; tests pass their
// own migration lists (a newer schema, a failing step).

#include "store/sqlmigration.h"
#include "store/sqlschema.h"

#include <QList>
#include <QString>

namespace m1 {

struct SqlDatabaseOptions
{
    QList<SqlMigration> migrations = SqlSchema::migrations();
    QString applicationName = QStringLiteral("m1bot"); // PostgreSQL: shown in pg_stat_activity
};

} // namespace m1
