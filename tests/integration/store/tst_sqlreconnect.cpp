// PostgreSQL going away and coming back: reads fail with an error value while it is down and
// work again once it is back (a connection that died idle is reopened without an error); the batch
// writer keeps its entries through the outage and writes them afterwards; a stop during an outage
// that outlasts stopTimeoutMs gives up and reports how many entries were lost.

#include "core/clock.h"
#include "sqlbackends.h"
#include "store/messagelog.h"
#include "store/sqlbatchwriter.h"
#include "store/sqldatabase.h"
#include "store/userrepository.h"

#include <QTest>

#include <memory>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_SqlReconnect : public QObject
{
    Q_OBJECT

private:
    static MessageLogEntry entry(const QString &id)
    {
        MessageLogEntry e;
        e.messageId = id;
        e.phone = u"385"_s;
        e.timeMs = 1;
        return e;
    }
    qint64 logged() const
    {
        QString error;
        return MessageLog(*m_db).count(QString(), &error);
    }

    SqlBackends m_backends;
    ManualClock m_clock;
    std::unique_ptr<SqlDatabase> m_db;

private Q_SLOTS:
    void initTestCase()
    {
        if (!PostgresTestServer::isAvailable())
            QSKIP("PostgreSQL server binaries are not installed: nothing to restart");
        m_backends.startOrFail();
    }
    void init() { m_db = m_backends.openFreshOrSkip(u"postgresql"_s, m_clock); }
    void cleanup()
    {
        QString error;
        QVERIFY2(m_backends.postgres().start(&error), qPrintable(error));
        m_db.reset();
    }

    void readsRecoverAfterRestart()
    {
        UserRepository users(*m_db, m_clock);
        QCOMPARE(users.upsert({ u"385"_s, u"P"_s, {}, {}, {}, u"en"_s }), QString());
        m_backends.postgres().stop();
        QString error;
        QVERIFY(!users.findByPhone(u"385"_s, &error));
        QVERIFY2(!error.isEmpty(), "a read from a stopped server reported no error");
        QVERIFY2(!error.contains(PostgresTestServer::password()), qPrintable(error));
        QVERIFY(!users.upsert({ u"386"_s, {}, {}, {}, {}, {} }).isEmpty());
        QVERIFY2(m_backends.postgres().start(&error), qPrintable(error));
        const auto found = users.findByPhone(u"385"_s, &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(found->personId, u"P"_s);
        QCOMPARE(users.upsert({ u"386"_s, {}, {}, {}, {}, {} }), QString());
    }

    void staleConnectionIsReopenedTransparently()
    {
        // The server restarts while this thread's connection sits idle: the next read and
        // write notice the dead connection, reopen it and succeed on the first call.
        UserRepository users(*m_db, m_clock);
        QCOMPARE(users.upsert({ u"385"_s, u"P"_s, {}, {}, {}, u"en"_s }), QString());
        QString error;
        m_backends.postgres().stop();
        QVERIFY2(m_backends.postgres().start(&error), qPrintable(error));
        const auto found = users.findByPhone(u"385"_s, &error);
        QVERIFY2(found && error.isEmpty(), qPrintable(error));
        m_backends.postgres().stop();
        QVERIFY2(m_backends.postgres().start(&error), qPrintable(error));
        QCOMPARE(users.upsert({ u"386"_s, u"Q"_s, {}, {}, {}, u"hr"_s }), QString());
        QCOMPARE(users.all(&error).size(), 2);
    }

    void writerKeepsEntriesThroughAnOutage()
    {
        SqlBatchWriterOptions options;
        options.retryMs = 100;
        SqlBatchWriter writer(*m_db, m_clock, options);
        writer.start();
        writer.logMessage(entry(u"before"_s));
        QVERIFY(writer.flush(30'000));
        m_backends.postgres().stop();
        for (int i = 0; i < 50; ++i)
            QVERIFY(writer.logMessage(entry(u"during"_s + QString::number(i))));
        QVERIFY(!writer.flush(500)); // cannot be written now…
        QString error;
        QVERIFY2(m_backends.postgres().start(&error), qPrintable(error));
        QVERIFY(writer.flush(60'000)); // …and is, once the server is back
        QCOMPARE(writer.stop(), quint64(0));
        const SqlBatchWriterStats stats = writer.stats();
        QCOMPARE(stats.written, quint64(51));
        QCOMPARE(stats.lost, quint64(0));
        QVERIFY(stats.retries > 0);
        QCOMPARE(logged(), 51);
    }

    void stopGivesUpAfterItsTimeout()
    {
        SqlBatchWriterOptions options;
        options.retryMs = 50;
        options.stopTimeoutMs = 300;
        options.maxBatch = 10;
        SqlBatchWriter writer(*m_db, m_clock, options);
        m_backends.postgres().stop();
        for (int i = 0; i < 25; ++i)
            writer.logMessage(entry(u"doomed"_s + QString::number(i)));
        writer.start();
        QCOMPARE(writer.stop(), quint64(25));
        const SqlBatchWriterStats stats = writer.stats();
        QCOMPARE(stats.lost, quint64(25));
        QCOMPARE(stats.written, quint64(0));
        QVERIFY2(!stats.lastError.isEmpty(), "no reason recorded");
    }
};

QTEST_GUILESS_MAIN(tst_SqlReconnect)
#include "tst_sqlreconnect.moc"
