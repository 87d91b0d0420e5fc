#include "store/sqldatabase.h"

#include "core/clock.h"
#include "store/sqlconnectionregistry.h"
#include "store/sqlmigrator.h"
#include "store/sqlstatement.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace m1 {

std::unique_ptr<SqlDatabase> SqlDatabase::open(const SqlUrl &url, const Clock &clock,
                                               QString *error, SqlDatabaseOptions options)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const SqlDialect dialect(url.kind);
    if (!QSqlDatabase::isDriverAvailable(dialect.driverName())) {
        *error = u"cannot open "_s + url.toDisplayString() + u": the Qt "_s + dialect.name()
            + u" driver ("_s + dialect.driverName()
            + u") is not installed; install the Debian "
              u"package "_s
            + dialect.driverPackage() + u" (scripts/install-deps.sh does)"_s;
        return nullptr;
    }
    std::unique_ptr<SqlDatabase> db(new SqlDatabase(url, clock, std::move(options)));
    if (url.kind == SqlUrl::Kind::Sqlite) {
        if (const QString failed = db->prepareFile(); !failed.isEmpty()) {
            *error = failed;
            return nullptr;
        }
    }
    QSqlDatabase connection = db->connection(error);
    if (!connection.isValid())
        return nullptr;
    if (url.kind == SqlUrl::Kind::Sqlite) {
        // WAL lets readers run while the batch writer commits; the mode sticks to the file.
        SqlStatement wal(connection);
        if (!wal.run(u"PRAGMA journal_mode = WAL"_s, u"open "_s + db->displayName(), error)) {
            *error = db->explain(*error);
            return nullptr;
        }
    }
    SqlMigrator migrator(connection, dialect, clock, db->displayName());
    if (const QString failed = migrator.migrate(db->m_options.migrations); !failed.isEmpty()) {
        *error = db->explain(failed);
        return nullptr;
    }
    return db;
}

SqlDatabase::SqlDatabase(SqlUrl url, const Clock &clock, SqlDatabaseOptions options)
    : m_url(std::move(url))
    , m_dialect(m_url.kind)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_connections(SqlConnectionRegistry::create())
{
}

SqlDatabase::~SqlDatabase()
{
    m_connections->removeAll();
}

QString SqlDatabase::prepareFile() const
{
    const QFileInfo file(m_url.path);
    if (file.isDir())
        return u"cannot open SQLite database "_s + m_url.path
            + u": it is a folder; expected a file path such as "_s
            + QDir(m_url.path).filePath(u"m1bot.db"_s);
    if (!QDir().mkpath(file.absolutePath()))
        return u"cannot open SQLite database "_s + m_url.path + u": cannot create its folder "_s
            + file.absolutePath() + u" (check that the path exists and is writable)"_s;
    return {};
}

void SqlDatabase::configure(QSqlDatabase &db) const
{
    if (m_url.kind == SqlUrl::Kind::Sqlite) {
        db.setDatabaseName(m_url.path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT="_s + QString::number(m_url.busyTimeoutMs));
        return;
    }
    db.setHostName(m_url.host);
    db.setPort(m_url.port);
    db.setDatabaseName(m_url.database);
    db.setUserName(m_url.user);
    db.setPassword(m_url.password);
    QStringList options { u"connect_timeout="_s + QString::number(m_url.connectTimeoutS) };
    if (!m_url.sslMode.isEmpty())
        options << u"sslmode="_s + m_url.sslMode;
    if (!m_options.applicationName.isEmpty())
        options << u"application_name="_s + m_options.applicationName;
    db.setConnectOptions(options.join(u';'));
}

QString SqlDatabase::initialise(const QSqlDatabase &db) const
{
    QString error;
    SqlStatement pragma(db);
    if (m_url.kind != SqlUrl::Kind::Sqlite) {
        // Keep "relation already exists, skipping" notices off stderr.
        return pragma.run(u"SET client_min_messages TO WARNING"_s, u"open "_s + displayName(),
                          &error)
            ? QString()
            : error;
    }
    // Per connection: enforce declared constraints; NORMAL is durable with WAL except for the
    // last transactions before a power cut, which the batch writer can afford.
    if (!pragma.run(u"PRAGMA foreign_keys = ON"_s, u"open "_s + displayName(), &error)
        || !pragma.run(u"PRAGMA synchronous = NORMAL"_s, u"open "_s + displayName(), &error))
        return error;
    return {};
}

QSqlDatabase SqlDatabase::connection(QString *error) const
{
    bool created = false;
    const QString name = m_connections->nameForThisThread(&created);
    QSqlDatabase db;
    if (created || !QSqlDatabase::contains(name)) {
        db = QSqlDatabase::addDatabase(m_dialect.driverName(), name);
        configure(db);
    } else {
        db = QSqlDatabase::database(name, false);
    }
    if (db.isOpen())
        return db;
    if (!db.open()) {
        *error = explain(u"cannot connect to "_s + displayName() + u": "_s
                         + SqlStatement::errorText(db.lastError()));
        return {};
    }
    if (const QString failed = initialise(db); !failed.isEmpty()) {
        db.close();
        *error = explain(failed);
        return {};
    }
    return db;
}

void SqlDatabase::resetConnection() const
{
    bool created = false;
    const QString name = m_connections->nameForThisThread(&created);
    if (!created && QSqlDatabase::contains(name))
        QSqlDatabase::database(name, false).close();
}

QString SqlDatabase::write(const std::function<QString(const QSqlDatabase &)> &work) const
{
    QString error;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QSqlDatabase db = connection(&error);
        if (!db.isValid())
            return error;
        {
            SqlStatement begin(db);
            if (begin.run(m_dialect.beginWrite(),
                          u"start a write transaction on "_s + displayName(), &error)) {
                begin.finish();
                error = work(db);
                if (error.isEmpty()) {
                    // A failed COMMIT is not retried: it may have been applied.
                    SqlStatement commit(db);
                    if (commit.run(u"COMMIT"_s, u"commit on "_s + displayName(), &error))
                        return {};
                    QSqlQuery(db).exec(u"ROLLBACK"_s);
                    break;
                }
                QSqlQuery(db).exec(u"ROLLBACK"_s);
            }
        }
        if (attempt > 0 || isAlive(db))
            break;
        resetConnection(); // died since its last use: nothing was applied, try a fresh one
    }
    resetConnection();
    return explain(error);
}

QString SqlDatabase::read(const std::function<QString(const QSqlDatabase &)> &work) const
{
    QString error;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QSqlDatabase db = connection(&error);
        if (!db.isValid())
            return error;
        error = work(db);
        if (error.isEmpty())
            return {};
        if (attempt > 0 || isAlive(db))
            break;
        resetConnection();
    }
    return explain(error);
}

// After a failure: was it the statement, or is the connection gone? Only PostgreSQL
// connections die under us; a SQLite failure is always the statement's (or the file's).
bool SqlDatabase::isAlive(const QSqlDatabase &db) const
{
    if (m_url.kind == SqlUrl::Kind::Sqlite)
        return true;
    QSqlQuery ping(db);
    return ping.exec(u"SELECT 1"_s);
}

int SqlDatabase::schemaVersion(QString *error) const
{
    int version = -1;
    *error = read([&](const QSqlDatabase &db) {
        QString failed;
        version = SqlMigrator(db, m_dialect, m_clock, displayName()).currentVersion(&failed);
        return failed;
    });
    return error->isEmpty() ? version : -1;
}

int SqlDatabase::liveConnections() const
{
    return m_connections->liveConnections();
}

// Adds what a person can do about the common failures to the driver's terse message.
QString SqlDatabase::explain(const QString &error) const
{
    const QString lower = error.toLower();
    QString hint;
    if (m_url.kind == SqlUrl::Kind::Sqlite) {
        if (lower.contains(u"not a database") || lower.contains(u"malformed"))
            hint = u"the file "_s + m_url.path
                + u" is not a usable SQLite database (corrupted, or some other file): move it "
                  u"away so a new one is created, or restore it from a backup"_s;
        else if (lower.contains(u"readonly") || lower.contains(u"read-only"))
            hint = u"the database is read-only: make "_s + m_url.path
                + u" and its folder writable by the user m1bot runs as, or choose another file"_s;
        else if (lower.contains(u"unable to open"))
            hint = u"check that "_s + m_url.path + u" can be created and opened by this user"_s;
    } else {
        QString at = m_url.host + u':' + QString::number(m_url.port);
        if (m_url.isUnixSocket() || m_url.host.isEmpty())
            at = u"the unix socket in "_s
                + (m_url.host.isEmpty() ? u"libpq's default folder"_s : m_url.host) + u" (port "_s
                + QString::number(m_url.port) + u')';
        if (lower.contains(u"password authentication failed")
            || lower.contains(u"no password supplied"))
            hint = u"the server refused user '"_s + m_url.user
                + u"': check the user and password in the database URL"_s;
        else if (lower.contains(u"database") && lower.contains(u"does not exist"))
            hint = u"database '"_s + m_url.database
                + u"' does not exist on the server: create it (createdb) or fix the name"_s;
        else if (lower.contains(u"connection refused") || lower.contains(u"no such file")
                 || lower.contains(u"could not connect") || lower.contains(u"timeout expired")
                 || lower.contains(u"could not translate host"))
            hint = u"expected a PostgreSQL server at "_s + at + u"; is it running and reachable?"_s;
        else if (lower.contains(u"server closed the connection")
                 || lower.contains(u"no connection to the server"))
            hint = u"the connection to "_s + at + u" was lost; it is reopened on the next use"_s;
    }
    return hint.isEmpty() ? error : error + u" — "_s + hint;
}

} // namespace m1
