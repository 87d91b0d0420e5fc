#pragma once

// One step of the SQL schema: applied once, in its own transaction, and recorded in
// schema_migrations. Statements use SqlDialect's ${…} tokens where SQLite and PostgreSQL differ.

#include <QString>
#include <QStringList>

namespace m1 {

struct SqlMigration
{
    int version = 0; // 1, 2, 3, … without gaps
    QString name; // what it does, kept in schema_migrations
    QStringList statements;
};

} // namespace m1
