// Versioned migrations on SQLite and PostgreSQL: an empty database reaches the newest version,
// re-opening changes nothing, an older one is upgraded step by step, a failing step leaves the
// database at the version before it, and a database from a newer m1bot is refused untouched.

#include "core/clock.h"
#include "sqlbackends.h"
#include "store/sqldatabase.h"
#include "store/sqlschema.h"
#include "store/sqlstatement.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_SqlMigrations : public QObject
{
    Q_OBJECT

private:
    // Rows of schema_migrations as "version:name:applied_at_ms".
    static QStringList history(const SqlDatabase &db)
    {
        QString error;
        QStringList rows;
        SqlStatement query(db.connection(&error));
        if (!query.run(
                u"SELECT version, name, applied_at_ms FROM schema_migrations ORDER BY version"_s,
                u"read history"_s, &error))
            return { error };
        while (query.next())
            rows << query.value(0).toString() + u':' + query.value(1).toString() + u':'
                    + query.value(2).toString();
        return rows;
    }
    static bool tableWorks(const SqlDatabase &db, const QString &table)
    {
        QString error;
        SqlStatement query(db.connection(&error));
        return query.run(u"SELECT COUNT(*) FROM "_s + table, u"count"_s, &error) && query.next();
    }

    SqlBackends m_backends;
    ManualClock m_clock;
    SqlUrl m_url;

private Q_SLOTS:
    void initTestCase_data() { SqlBackends::addRows(); }
    void initTestCase() { m_backends.startOrFail(); }
    void init()
    {
        if (const auto url = m_backends.freshDatabaseOrSkip(SqlBackends::currentBackend()))
            m_url = *url;
    }

    void emptyDatabaseReachesLatest()
    {
        QString error;
        auto db = SqlDatabase::open(m_url, m_clock, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(&error), SqlSchema::latestVersion());
        QCOMPARE(SqlSchema::latestVersion(), 4);
        const QString at = QString::number(m_clock.nowMs());
        QCOMPARE(history(*db),
                 QStringList({ u"1:users:"_s + at, u"2:message log:"_s + at,
                               u"3:tool evaluations:"_s + at, u"4:message statuses:"_s + at }));
        for (const QString &table :
             { u"users"_s, u"message_log"_s, u"tool_evaluations"_s, u"message_statuses"_s })
            QVERIFY2(tableWorks(*db, table), qPrintable(table));
    }

    void reopenIsIdempotent()
    {
        QString error;
        QStringList before;
        {
            auto db = SqlDatabase::open(m_url, m_clock, &error);
            QVERIFY2(db, qPrintable(error));
            before = history(*db);
        }
        m_clock.advanceMs(60'000);
        for (int i = 0; i < 3; ++i) {
            auto db = SqlDatabase::open(m_url, m_clock, &error);
            QVERIFY2(db, qPrintable(error));
            QCOMPARE(history(*db), before); // nothing re-applied, times unchanged
        }
    }

    void olderDatabaseIsUpgradedStepByStep()
    {
        QString error;
        SqlDatabaseOptions firstTwo;
        firstTwo.migrations = SqlSchema::migrations().mid(0, 2);
        {
            auto db = SqlDatabase::open(m_url, m_clock, &error, firstTwo);
            QVERIFY2(db, qPrintable(error));
            QCOMPARE(db->schemaVersion(&error), 2);
            QVERIFY(!tableWorks(*db, u"tool_evaluations"_s));
        }
        m_clock.advanceMs(1000);
        auto db = SqlDatabase::open(m_url, m_clock, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(&error), 4);
        QVERIFY(tableWorks(*db, u"tool_evaluations"_s));
        QVERIFY(tableWorks(*db, u"message_statuses"_s));
        const QStringList rows = history(*db);
        QCOMPARE(rows.size(), 4);
        QVERIFY2(rows.at(2).endsWith(QString::number(m_clock.nowMs())), qPrintable(rows.at(2)));
        QVERIFY2(rows.at(3).endsWith(QString::number(m_clock.nowMs())), qPrintable(rows.at(3)));
        QVERIFY2(rows.at(1).endsWith(QString::number(m_clock.nowMs() - 1000)),
                 qPrintable(rows.at(1)));
    }

    void failingMigrationRollsBackItsStep()
    {
        QString error;
        SqlDatabaseOptions broken;
        broken.migrations.append({ 5,
                                   u"broken"_s,
                                   { u"CREATE TABLE half_done (id INTEGER)"_s,
                                     u"CREATE TABLE oops (this is not sql"_s } });
        QVERIFY(!SqlDatabase::open(m_url, m_clock, &error, broken));
        QVERIFY2(error.contains(u"migration 5 (broken)"_s), qPrintable(error));
        QVERIFY2(error.contains(u"stays at version 4"_s), qPrintable(error));
        auto db = SqlDatabase::open(m_url, m_clock, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(&error), 4);
        QVERIFY2(!tableWorks(*db, u"half_done"_s), "the failed step's first statement was kept");
    }

    void newerDatabaseIsRefusedUntouched()
    {
        QString error;
        {
            auto db = SqlDatabase::open(m_url, m_clock, &error);
            QVERIFY2(db, qPrintable(error));
            const QString failed = db->write([](const QSqlDatabase &c) {
                QString e;
                SqlStatement insert(c);
                if (!insert.run(u"INSERT INTO schema_migrations (version, name, applied_at_ms) "
                                u"VALUES (7, 'from the future', 0)"_s,
                                u"fake a newer schema"_s, &e))
                    return e;
                return QString();
            });
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
        }
        QVERIFY(!SqlDatabase::open(m_url, m_clock, &error));
        QVERIFY2(error.contains(u"schema version 7"_s), qPrintable(error));
        QVERIFY2(error.contains(u"knows versions up to 4"_s), qPrintable(error));
        QVERIFY2(error.contains(u"newer m1bot"_s), qPrintable(error));
        QVERIFY2(!error.contains(PostgresTestServer::password()), qPrintable(error));
        // Still version 7: refusing wrote nothing.
        SqlDatabaseOptions knowsSeven;
        for (int v = 5; v <= 7; ++v)
            knowsSeven.migrations.append({ v, u"step "_s + QString::number(v), {} });
        auto db = SqlDatabase::open(m_url, m_clock, &error, knowsSeven);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(&error), 7);
        QCOMPARE(history(*db).size(), 5);
    }

    void concurrentOpenersApplyEachStepOnce()
    {
        // Several processes starting at once against one fresh database (threads with their
        // own SqlDatabase here): every one opens it, each migration is recorded once.
        constexpr int openers = 4;
        std::vector<QString> errors(openers);
        std::vector<std::thread> threads;
        for (int i = 0; i < openers; ++i) {
            threads.emplace_back([this, &errors, i] {
                QString error;
                auto db = SqlDatabase::open(m_url, m_clock, &error);
                errors[size_t(i)]
                    = db ? QString() : (error.isEmpty() ? u"no error given"_s : error);
            });
        }
        for (std::thread &t : threads)
            t.join();
        for (const QString &error : errors)
            QVERIFY2(error.isEmpty(), qPrintable(error));
        QString error;
        auto db = SqlDatabase::open(m_url, m_clock, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(history(*db).size(), 4);
    }

    void gapInDefinitionsIsAnError()
    {
        QString error;
        SqlDatabaseOptions gap;
        gap.migrations.append({ 6, u"skips five"_s, {} });
        QVERIFY(!SqlDatabase::open(m_url, m_clock, &error, gap));
        QVERIFY2(error.contains(u"without gaps"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_SqlMigrations)
#include "tst_sqlmigrations.moc"
