// The background batch writer on SQLite and PostgreSQL: entries from several threads end up
// in few transactions, a clean stop writes everything queued (started or not), a full queue
// drops and counts instead of blocking, flush() makes earlier entries visible, and one bad
// entry is skipped without losing the rest of its batch.

#include "core/clock.h"
#include "sqlsuite.h"
#include "store/messagelog.h"
#include "store/sqlbatchwriter.h"
#include "store/sqldatabase.h"
#include "store/toolevaluations.h"

#include <QTest>

#include <memory>
#include <thread>
#include <vector>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_SqlBatchWriter : public SqlSuite
{
    Q_OBJECT

private:
    static MessageLogEntry entry(const QString &id, const QString &phone = u"385"_s)
    {
        MessageLogEntry e;
        e.messageId = id;
        e.phone = phone;
        e.timeMs = 1;
        return e;
    }
    qint64 logged() const
    {
        QString error;
        return MessageLog(*m_db).count(QString(), &error);
    }


private Q_SLOTS:
    void manyProducersFewTransactions()
    {
        SqlBatchWriterOptions options;
        options.maxBatch = 500;
        options.flushIntervalMs = 50;
        SqlBatchWriter writer(*m_db, m_clock, options);
        writer.start();
        constexpr int producers = 4;
        constexpr int each = 1500;
        std::vector<std::thread> threads;
        for (int p = 0; p < producers; ++p) {
            threads.emplace_back([&writer, p] {
                for (int i = 0; i < each; ++i) {
                    writer.logMessage(
                        entry(u"p"_s + QString::number(p) + u"-"_s + QString::number(i)));
                    writer.recordEvaluation(
                        { u"tool"_s + QString::number(i % 3), u"385"_s, 1, 0, 0 });
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(writer.stop(), quint64(0));
        const SqlBatchWriterStats stats = writer.stats();
        QCOMPARE(stats.accepted, quint64(2 * producers * each));
        QCOMPARE(stats.written, stats.accepted);
        QCOMPARE(stats.dropped, quint64(0));
        QCOMPARE(stats.rejected, quint64(0));
        QCOMPARE(stats.queued, 0);
        // 12,000 entries at most 500 per transaction: at least 24, and far fewer than one each.
        QVERIFY2(stats.batches >= 24 && stats.batches < 1000,
                 qPrintable(QString::number(stats.batches)));
        QCOMPARE(logged(), producers * each);
        QString error;
        ToolEvaluations evals(*m_db, m_clock);
        QCOMPARE(evals.totals(u"tool0"_s, &error)->successes, producers * 500);
        QCOMPARE(evals.totals(u"tool1"_s, &error)->successes, producers * 500);
        QCOMPARE(evals.totals(u"tool2"_s, &error)->successes, producers * 500);
    }

    void stopWritesWhatWasQueuedBeforeStart()
    {
        SqlBatchWriter writer(*m_db, m_clock);
        for (int i = 0; i < 300; ++i)
            QVERIFY(writer.logMessage(entry(u"early"_s + QString::number(i))));
        QCOMPARE(logged(), 0); // nothing written before it runs
        QCOMPARE(writer.stop(), quint64(0));
        QCOMPARE(logged(), 300);
        QVERIFY(!writer.logMessage(entry(u"late"_s))); // stopped: refused and counted
        QCOMPARE(writer.stats().dropped, quint64(1));
    }

    void destructorIsACleanStop()
    {
        {
            SqlBatchWriterOptions options;
            options.flushIntervalMs = 60'000; // would otherwise wait a minute for company
            SqlBatchWriter writer(*m_db, m_clock, options);
            writer.start();
            for (int i = 0; i < 10; ++i)
                writer.logMessage(entry(u"d"_s + QString::number(i)));
        }
        QCOMPARE(logged(), 10);
    }

    void fullQueueDropsAndCounts()
    {
        SqlBatchWriterOptions options;
        options.queueCapacity = 10;
        SqlBatchWriter writer(*m_db, m_clock, options);
        int accepted = 0;
        for (int i = 0; i < 15; ++i)
            accepted += writer.logMessage(entry(u"q"_s + QString::number(i))) ? 1 : 0;
        QCOMPARE(accepted, 10);
        QCOMPARE(writer.stats().dropped, quint64(5));
        QCOMPARE(writer.stats().queued, 10);
        writer.start();
        QVERIFY(writer.flush(30'000));
        QCOMPARE(logged(), 10);
        QVERIFY(writer.logMessage(entry(u"after"_s))); // room again
        QCOMPARE(writer.stop(), quint64(0));
        QCOMPARE(logged(), 11);
    }

    void flushMakesEarlierEntriesVisible()
    {
        SqlBatchWriterOptions options;
        options.flushIntervalMs = 60'000;
        SqlBatchWriter writer(*m_db, m_clock, options);
        writer.start();
        writer.logMessage(entry(u"f1"_s));
        writer.recordEvaluation({ u"t"_s, u"385"_s, 0, 1, 0 });
        QVERIFY(writer.flush(30'000));
        QCOMPARE(logged(), 1);
        QString error;
        QCOMPARE(ToolEvaluations(*m_db, m_clock).totals(u"t"_s, &error)->failures, 1);
        QVERIFY(writer.flush(10)); // nothing pending: true at once
    }

    void badEntryIsSkippedRestOfBatchKept()
    {
        SqlBatchWriterOptions options;
        options.flushIntervalMs = 60'000;
        SqlBatchWriter writer(*m_db, m_clock, options);
        writer.logMessage(entry(u"good1"_s));
        writer.logMessage(entry(QString())); // no id: the database layer refuses it
        writer.logMessage(entry(u"good2"_s));
        writer.recordEvaluation({ u"t"_s, QString(), 1, 0, 0 });
        writer.start();
        QVERIFY(writer.flush(30'000));
        const SqlBatchWriterStats stats = writer.stats();
        QCOMPARE(stats.written, quint64(3));
        QCOMPARE(stats.rejected, quint64(1));
        QVERIFY2(stats.lastError.contains(u"message id"_s), qPrintable(stats.lastError));
        QCOMPARE(logged(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_SqlBatchWriter)
#include "tst_sqlbatchwriter.moc"
