// The search's UsageStats backed by SQL, on SQLite and PostgreSQL: outcomes are visible to the
// scorer at once (mirror), reach the tool_evaluations table through the batch writer, survive a
// restart (a new instance loads them), and corrections count against a tool.

#include "core/clock.h"
#include "facade/sqlusagestats.h"
#include "sqlsuite.h"
#include "store/sqlbatchwriter.h"
#include "store/sqldatabase.h"
#include "store/toolevaluations.h"

#include <QTest>

#include <map>
#include <memory>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_SqlUsageStats : public SqlSuite
{
    Q_OBJECT

private:
    static std::map<QString, quint32> userSuccesses(const UsageStats &stats, const QString &phone)
    {
        std::map<QString, quint32> out;
        stats.forEachUserSuccess(phone, [&](const QString &tool, quint32 n) { out[tool] = n; });
        return out;
    }


private Q_SLOTS:
    void outcomesVisibleAtOnceAndPersisted()
    {
        ToolEvaluations table(*m_db, m_clock);
        SqlBatchWriter writer(*m_db, m_clock);
        writer.start();
        SqlUsageStats stats(table, writer);
        QCOMPARE(stats.load(), QString());
        const quint64 v0 = stats.version();

        stats.recordOutcome(u"385A"_s, u"book_car"_s, true);
        stats.recordOutcome(u"385A"_s, u"book_car"_s, true);
        stats.recordOutcome(u"385B"_s, u"book_car"_s, false);
        stats.recordOutcome(QString(), u"get_km"_s, true);
        stats.recordCorrection(u"385B"_s, u"get_km"_s);
        QVERIFY(stats.version() > v0);
        QCOMPARE(stats.toolOutcomes(u"book_car"_s).successes, 2u);
        QCOMPARE(stats.toolOutcomes(u"book_car"_s).failures, 1u);
        // A correction counts against the tool.
        QCOMPARE(stats.toolOutcomes(u"get_km"_s).successes, 1u);
        QCOMPARE(stats.toolOutcomes(u"get_km"_s).failures, 1u);
        QCOMPARE(stats.totals(u"get_km"_s).corrections, 1);
        QCOMPARE(userSuccesses(stats, u"385A"_s),
                 (std::map<QString, quint32> { { u"book_car"_s, 2u } }));
        QVERIFY(userSuccesses(stats, u"385B"_s).empty());

        // In SQL once the writer has run.
        QVERIFY(writer.flush(30'000));
        QString error;
        QCOMPARE(*table.totals(u"book_car"_s, &error),
                 (ToolEvaluation { u"book_car"_s, {}, 2, 1, 0 }));
        QCOMPARE(*table.forUser(u"get_km"_s, u"385B"_s, &error),
                 (ToolEvaluation { u"get_km"_s, u"385B"_s, 0, 0, 1 }));

        // A restart: a fresh instance sees the same numbers.
        SqlUsageStats reloaded(table, writer);
        QCOMPARE(reloaded.toolOutcomes(u"book_car"_s).successes, 0u); // empty until loaded
        QCOMPARE(reloaded.load(), QString());
        QCOMPARE(reloaded.toolOutcomes(u"book_car"_s).successes, 2u);
        QCOMPARE(reloaded.toolOutcomes(u"book_car"_s).failures, 1u);
        QCOMPARE(reloaded.toolOutcomes(u"get_km"_s).failures, 1u);
        QCOMPARE(userSuccesses(reloaded, u"385A"_s), userSuccesses(stats, u"385A"_s));
        QCOMPARE(writer.stop(), quint64(0));
    }

    void loadFlushesQueuedWritesFirst()
    {
        ToolEvaluations table(*m_db, m_clock);
        SqlBatchWriterOptions slow;
        slow.flushIntervalMs = 60'000;
        SqlBatchWriter writer(*m_db, m_clock, slow);
        writer.start();
        SqlUsageStats stats(table, writer);
        for (int i = 0; i < 5; ++i)
            stats.recordOutcome(u"385"_s, u"t"_s, true);
        QCOMPARE(stats.load(), QString()); // would read 0 if it did not flush first
        QCOMPARE(stats.toolOutcomes(u"t"_s).successes, 5u);
    }

    void otherProcessesCountsArriveOnLoad()
    {
        ToolEvaluations table(*m_db, m_clock);
        SqlBatchWriter writer(*m_db, m_clock);
        writer.start();
        SqlUsageStats stats(table, writer);
        QCOMPARE(stats.load(), QString());
        // Another m1bot on the same database wrote these.
        QCOMPARE(table.increment({ { u"t"_s, u"385"_s, 4, 1, 0 } }), QString());
        QCOMPARE(stats.toolOutcomes(u"t"_s).successes, 0u);
        const quint64 before = stats.version();
        QCOMPARE(stats.load(), QString());
        QVERIFY(stats.version() != before); // the scorer recomputes its adjustment
        QCOMPARE(stats.toolOutcomes(u"t"_s).successes, 4u);
        QCOMPARE(userSuccesses(stats, u"385"_s), (std::map<QString, quint32> { { u"t"_s, 4u } }));
    }
};

QTEST_GUILESS_MAIN(tst_SqlUsageStats)
#include "tst_sqlusagestats.moc"
