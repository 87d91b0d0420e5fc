// Several threads using one SqlDatabase at once, on SQLite and PostgreSQL: each thread gets its
// own connection, concurrent increments of the same counters are never lost, concurrent
// upserts of the same users end with one row each, and a thread's connection goes away with it.

#include "core/clock.h"
#include "sqlsuite.h"
#include "store/messagelog.h"
#include "store/sqldatabase.h"
#include "store/toolevaluations.h"
#include "store/userrepository.h"

#include <QTest>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_SqlConcurrency : public SqlSuite
{
    Q_OBJECT

private Q_SLOTS:
    void concurrentWritersLoseNothing()
    {
        constexpr int threads = 6;
        constexpr int rounds = 40;
        UserRepository users(*m_db, m_clock);
        MessageLog log(*m_db);
        ToolEvaluations evals(*m_db, m_clock);
        std::mutex errorsMutex;
        QStringList errors;
        const auto fail = [&](const QString &e) {
            std::lock_guard lock(errorsMutex);
            errors << e;
        };
        const int before = m_db->liveConnections(); // this thread's
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([&, t] {
                for (int r = 0; r < rounds; ++r) {
                    // Everyone bumps the same two counters and rewrites the same five users.
                    if (const QString e = evals.increment({ { u"shared"_s, u"385"_s, 1, 0, 0 },
                                                            { u"shared"_s, QString(), 0, 1, 1 } });
                        !e.isEmpty())
                        fail(e);
                    UserRecord user { u"3859"_s + QString::number(r % 5),
                                      u"P"_s + QString::number(t),
                                      u"acme"_s,
                                      u"User"_s,
                                      {},
                                      u"hr"_s };
                    if (const QString e = users.upsert(user); !e.isEmpty())
                        fail(e);
                    MessageLogEntry entry;
                    entry.messageId = u"t"_s + QString::number(t) + u"r"_s + QString::number(r);
                    entry.phone = u"385"_s + QString::number(t);
                    entry.timeMs = r;
                    if (const QString e = log.append({ entry }); !e.isEmpty())
                        fail(e);
                    QString readError;
                    if (!users.findByPhone(user.phone, &readError) || !readError.isEmpty())
                        fail(u"read back: "_s + readError);
                }
            });
        }
        for (std::thread &worker : workers)
            worker.join();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.mid(0, 3).join(u"\n"_s)));
        QString error;
        QCOMPARE(*evals.forUser(u"shared"_s, u"385"_s, &error),
                 (ToolEvaluation { u"shared"_s, u"385"_s, threads * rounds, 0, 0 }));
        QCOMPARE(*evals.totals(u"shared"_s, &error),
                 (ToolEvaluation {
                     u"shared"_s, {}, threads * rounds, threads * rounds, threads * rounds }));
        QCOMPARE(users.all(&error).size(), 5);
        QCOMPARE(log.count(QString(), &error), threads * rounds);
        // Each worker's connection closed when it exited.
        QCOMPARE(m_db->liveConnections(), before);
    }

    void connectionsArePerThread()
    {
        QString error;
        const QString mine = m_db->connection(&error).connectionName();
        QString theirs;
        std::thread other([&] {
            QString e;
            theirs = m_db->connection(&e).connectionName();
        });
        other.join();
        QVERIFY(!mine.isEmpty());
        QVERIFY(!theirs.isEmpty());
        QVERIFY(mine != theirs);
        QCOMPARE(m_db->connection(&error).connectionName(), mine); // reused on this thread
    }

    void threadsOutlivingTheDatabaseAreCleanedUp()
    {
        // A long-lived thread (think thread pool) uses the database, which then goes away.
        std::mutex mutex;
        std::condition_variable changed;
        int step = 0;
        QString name;
        std::thread pooled([&] {
            QString e;
            {
                std::lock_guard lock(mutex);
                name = m_db->connection(&e).connectionName();
                step = 1;
            }
            changed.notify_all();
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return step == 2; });
        });
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return step == 1; });
        }
        QVERIFY(QSqlDatabase::contains(name));
        m_db.reset();
        QVERIFY(!QSqlDatabase::contains(name));
        {
            std::lock_guard lock(mutex);
            step = 2;
        }
        changed.notify_all();
        pooled.join(); // its exit guard finds nothing left to remove
    }
};

QTEST_GUILESS_MAIN(tst_SqlConcurrency)
#include "tst_sqlconcurrency.moc"
