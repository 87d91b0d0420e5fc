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

QString SqlBackends::currentBackend()
{
    QFETCH_GLOBAL(QString, backend);
    return backend;
}

bool SqlBackends::startOrFail()
{
    QString error;
    const bool started = start(&error);
    return QTest::qVerify(started, "m_backends.start(&error)", qPrintable(error), __FILE__,
                          __LINE__);
}

std::optional<SqlUrl> SqlBackends::freshDatabaseOrSkip(const QString &backend)
{
    QString skip, error;
    auto url = freshDatabase(backend, &skip, &error);
    if (!skip.isEmpty()) {
        QTest::qSkip(qPrintable(skip), __FILE__, __LINE__);
        return std::nullopt;
    }
    if (!QTest::qVerify(url.has_value(), "freshDatabase(backend)", qPrintable(error), __FILE__,
                        __LINE__))
        return std::nullopt;
    return url;
}

std::unique_ptr<SqlDatabase> SqlBackends::openFreshOrSkip(const QString &backend,
                                                          const Clock &clock)
{
    const auto url = freshDatabaseOrSkip(backend);
    if (!url)
        return nullptr;
    QString error;
    auto db = SqlDatabase::open(*url, clock, &error);
    if (!QTest::qVerify(db != nullptr, "SqlDatabase::open(url)", qPrintable(error), __FILE__,
                        __LINE__))
        return nullptr;
    return db;
}

} // namespace m1
