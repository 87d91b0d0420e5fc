#include "sqlbackends.h"

#include <QDir>
#include <QSqlDatabase>
#include <QTest>

using namespace Qt::StringLiterals;

namespace m1 {

SqlBackends::SqlBackends()
    : m_dir(QDir::tempPath() + u"/m1sql-XXXXXX"_s)
{
}

void SqlBackends::addRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

bool SqlBackends::start(QString *error)
{
    m_postgresAvailable = PostgresTestServer::isAvailable();
    if (!m_postgresAvailable) {
        qWarning("PostgreSQL server binaries not found (no initdb/postgres in M1_PG_BINDIR, "
                 "/usr/lib/postgresql/*/bin or PATH; install the 'postgresql' package): the "
                 "postgresql rows will be skipped");
        return true;
    }
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        *error = u"PostgreSQL is installed but Qt's QPSQL driver is not: install "
                 u"libqt6sql6-psql (scripts/install-deps.sh)"_s;
        return false;
    }
    return m_postgres.start(error);
}

std::optional<SqlUrl> SqlBackends::freshDatabase(const QString &backend, QString *skip,
                                                 QString *error)
{
    const QString name = u"t"_s + QString::number(++m_next);
    if (!isPostgres(backend))
        return SqlUrl::sqlite(m_dir.filePath(name + u".db"_s));
    if (!m_postgresAvailable) {
        *skip = u"PostgreSQL server binaries are not installed"_s;
        return std::nullopt;
    }
    if (!m_postgres.isRunning() && !m_postgres.start(error))
        return std::nullopt;
    if (!m_postgres.createDatabase(name, error))
        return std::nullopt;
    return m_postgres.socketUrl(name);
}

} // namespace m1
