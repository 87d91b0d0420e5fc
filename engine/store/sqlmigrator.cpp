#include "store/sqlmigrator.h"

#include "core/clock.h"
#include "store/sqlstatement.h"

using namespace Qt::StringLiterals;

namespace m1 {

SqlMigrator::SqlMigrator(QSqlDatabase db, SqlDialect dialect, const Clock &clock, QString where)
    : m_db(std::move(db))
    , m_dialect(dialect)
    , m_clock(clock)
    , m_where(std::move(where))
{
}

QString SqlMigrator::migrate(const QList<SqlMigration> &migrations)
{
    for (int i = 0; i < migrations.size(); ++i) {
        if (migrations.at(i).version != i + 1)
            return u"schema definition error: migration #"_s + QString::number(i + 1)
                + u" has version "_s + QString::number(migrations.at(i).version)
                + u" (versions must be 1, 2, 3, … without gaps)"_s;
    }
    if (const QString error = ensureTable(); !error.isEmpty())
        return error;
    QString error;
    const int current = currentVersion(&error);
    if (current < 0)
        return error;
    const int known = int(migrations.size());
    if (current > known)
        return m_where + u" has schema version "_s + QString::number(current)
            + u", but this m1bot knows versions up to "_s + QString::number(known)
            + u": the database was written by a newer m1bot. Upgrade m1bot, or point the "
              u"database URL at another database; it is left untouched."_s;
    for (int i = current; i < known; ++i) {
        bool skipped = false;
        if (const QString failed = apply(migrations.at(i), &skipped); !failed.isEmpty())
            return failed;
    }
    return {};
}

int SqlMigrator::currentVersion(QString *error) const
{
    SqlStatement query(m_db);
    if (!query.run(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s,
                   u"read the schema version of "_s + m_where, error))
        return -1;
    return query.next() ? query.value(0).toInt() : 0;
}

QString SqlMigrator::ensureTable()
{
    QString error;
    SqlStatement statement(m_db);
    if (!statement.run(m_dialect.beginWrite(), u"start a write transaction on "_s + m_where,
                       &error))
        return error;
    const QString lock = m_dialect.migrationLock();
    if ((!lock.isEmpty() && !statement.run(lock, u"lock the schema of "_s + m_where, &error))
        || !statement.run(u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                          u" version INTEGER PRIMARY KEY,"
                          u" name TEXT NOT NULL,"
                          u" applied_at_ms BIGINT NOT NULL)"_s,
                          u"create the schema_migrations table in "_s + m_where, &error)) {
        statement.finish();
        return rollback(error);
    }
    statement.finish();
    if (!statement.run(u"COMMIT"_s, u"commit on "_s + m_where, &error))
        return rollback(error);
    return {};
}

QString SqlMigrator::apply(const SqlMigration &migration, bool *skipped)
{
    const QString label
        = u"migration "_s + QString::number(migration.version) + u" ("_s + migration.name + u')';
    QString error;
    {
        SqlStatement statement(m_db);
        if (!statement.run(m_dialect.beginWrite(), u"start "_s + label + u" on "_s + m_where,
                           &error))
            return error;
        const QString lock = m_dialect.migrationLock();
        if (!lock.isEmpty() && !statement.run(lock, u"lock the schema of "_s + m_where, &error))
            return rollback(error);
    }
    // Another process may have applied it while this one waited for the lock.
    const int current = currentVersion(&error);
    if (current < 0)
        return rollback(error);
    if (current >= migration.version) {
        *skipped = true;
        SqlStatement commit(m_db);
        return commit.run(u"COMMIT"_s, u"commit on "_s + m_where, &error) ? QString()
                                                                          : rollback(error);
    }
    for (const QString &sql : migration.statements) {
        SqlStatement statement(m_db);
        if (!statement.run(m_dialect.expand(sql), u"run "_s + label + u" on "_s + m_where, &error))
            return rollback(error + u"; the database stays at version "_s
                            + QString::number(current));
    }
    {
        SqlStatement record(m_db);
        if (!record.prepare(u"INSERT INTO schema_migrations (version, name, applied_at_ms) "
                            u"VALUES (?, ?, ?)"_s,
                            u"record "_s + label + u" in "_s + m_where, &error)
            || !record.exec({ migration.version, migration.name, m_clock.nowMs() }, &error))
            return rollback(error);
    }
    SqlStatement commit(m_db);
    if (!commit.run(u"COMMIT"_s, u"commit "_s + label + u" on "_s + m_where, &error))
        return rollback(error);
    return {};
}

QString SqlMigrator::rollback(const QString &error)
{
    QSqlQuery(m_db).exec(u"ROLLBACK"_s);
    return error;
}

} // namespace m1
