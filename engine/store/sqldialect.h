#pragma once

// The few places where SQLite and PostgreSQL SQL differ, in one spot: schema statements are
// written once with ${…} tokens and expanded per dialect; write transactions start the way
// each database needs. Everything else (ON CONFLICT upserts, CREATE … IF NOT EXISTS, epoch-ms
// BIGINT times) is common ground of SQLite ≥ 3.24 and PostgreSQL ≥ 10.

#include "store/sqlurl.h"

#include <QString>

namespace m1 {

class SqlDialect
{
public:
    explicit SqlDialect(SqlUrl::Kind kind)
        : m_kind(kind)
    {
    }

    SqlUrl::Kind kind() const { return m_kind; }
    QString name() const;
    // The Qt SQL driver: QSQLITE or QPSQL.
    QString driverName() const;
    // The Debian package that carries driverName(), for "driver missing" errors.
    QString driverPackage() const;

    // Replaces ${id} (an auto-increment 64-bit primary key column definition) and ${blob}.
    QString expand(const QString &statement) const;
    // SQLite takes the write lock at BEGIN IMMEDIATE, so two writers wait for each other
    // (busy timeout) instead of one failing on lock upgrade; PostgreSQL locks per row.
    QString beginWrite() const;
    // Serialises schema migrations between processes; empty when beginWrite() already does.
    QString migrationLock() const;

private:
    SqlUrl::Kind m_kind;
};

} // namespace m1
