// Tool evaluations on SQLite and PostgreSQL: per (tool, phone) counters incremented by upsert,
// totals summed over phones, deltas of one call coalesced, unknown tools read as zeros.

#include "core/clock.h"
#include "sqlsuite.h"
#include "store/sqldatabase.h"
#include "store/toolevaluations.h"

#include <QTest>

#include <memory>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_ToolEvaluations : public SqlSuite
{
    Q_OBJECT

private:
    std::unique_ptr<ToolEvaluations> m_evals;

private Q_SLOTS:
    void init()
    {
        SqlSuite::init();
        if (m_db)
            m_evals = std::make_unique<ToolEvaluations>(*m_db, m_clock);
    }
    void cleanup()
    {
        m_evals.reset();
        SqlSuite::cleanup();
    }

    void unknownToolReadsAsZeros()
    {
        QString error = u"stale"_s;
        const auto totals = m_evals->totals(u"never_used"_s, &error);
        QCOMPARE(error, QString());
        QVERIFY(totals);
        QCOMPARE(*totals, (ToolEvaluation { u"never_used"_s, {}, 0, 0, 0 }));
        const auto user = m_evals->forUser(u"never_used"_s, u"385"_s, &error);
        QVERIFY(user && user->isZero());
    }

    void incrementsAccumulatePerToolAndPhone()
    {
        QCOMPARE(m_evals->increment({ { u"book_car"_s, u"385A"_s, 1, 0, 0 } }), QString());
        QCOMPARE(m_evals->increment({ { u"book_car"_s, u"385A"_s, 2, 1, 0 },
                                      { u"book_car"_s, u"385B"_s, 0, 3, 1 },
                                      { u"book_car"_s, QString(), 5, 0, 0 },
                                      { u"get_km"_s, u"385A"_s, 7, 0, 2 } }),
                 QString());
        QString error;
        QCOMPARE(*m_evals->totals(u"book_car"_s, &error),
                 (ToolEvaluation { u"book_car"_s, {}, 8, 4, 1 }));
        QCOMPARE(*m_evals->forUser(u"book_car"_s, u"385A"_s, &error),
                 (ToolEvaluation { u"book_car"_s, u"385A"_s, 3, 1, 0 }));
        QCOMPARE(*m_evals->totals(u"get_km"_s, &error),
                 (ToolEvaluation { u"get_km"_s, {}, 7, 0, 2 }));
        const QList<ToolEvaluation> all = m_evals->all(&error);
        QCOMPARE(error, QString());
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.at(0), (ToolEvaluation { u"book_car"_s, QString(), 5, 0, 0 }));
        QCOMPARE(all.at(3), (ToolEvaluation { u"get_km"_s, u"385A"_s, 7, 0, 2 }));
    }

    void deltasOfOneCallAreSummed()
    {
        QList<ToolEvaluation> deltas;
        for (int i = 0; i < 50; ++i)
            deltas << ToolEvaluation { u"t"_s, u"p"_s, 1, i % 2, 0 };
        deltas << ToolEvaluation { u"t"_s, u"p"_s, 0, 0, 0 }; // zero deltas are ignored
        QCOMPARE(m_evals->increment(deltas), QString());
        QString error;
        QCOMPARE(*m_evals->forUser(u"t"_s, u"p"_s, &error),
                 (ToolEvaluation { u"t"_s, u"p"_s, 50, 25, 0 }));
    }

    void toolIdIsRequired()
    {
        QVERIFY(m_evals->increment({ { QString(), u"p"_s, 1, 0, 0 } }).contains(u"tool id"_s));
    }
};

QTEST_GUILESS_MAIN(tst_ToolEvaluations)
#include "tst_toolevaluations.moc"
