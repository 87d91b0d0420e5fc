// ThreadCountingStore counts what each thread sends, through pipeline() and submit() alike,
// and forwards a submit as a submit: the inner store answers from its side, so no continuation
// is ever attached to a store future (the Qt 6.4 bug KeyValueStore::submit describes).

#include "deferredstore.h"
#include "facade/threadcountingstore.h"

#include <QTest>

#include <thread>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_ThreadCountingStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void submitIsForwardedAndCounted()
    {
        DeferredStore inner([](const QList<RedisCommand> &commands) {
            return QList<RedisReply>(commands.size(), RedisReply::ok());
        });
        ThreadCountingStore store(inner);
        ThreadCountingStore::takeThreadCounts(); // whatever this thread did before

        QList<RedisReply> answered;
        store.submit({ RedisCommand::of("SET", "a", "1"), RedisCommand::of("SET", "b", "2") },
                     [&answered](QList<RedisReply> replies) { answered = std::move(replies); });
        QFuture<QList<RedisReply>> later = store.pipelineThen(
            { RedisCommand::of("SET", "c", "3") }, [](const QList<RedisReply> &r) { return r; });
        QCOMPARE(inner.waiting(), 2);
        QCOMPARE(inner.pipelineCalls(), 0);
        QVERIFY(answered.isEmpty());
        QVERIFY(!later.isFinished());

        std::thread io([&inner] { inner.answer(); });
        io.join();
        QCOMPARE(answered.size(), 2);
        QVERIFY(answered.at(0).isOk());
        QVERIFY(later.isFinished());
        QCOMPARE(later.result().size(), 1);
        QCOMPARE(ThreadCountingStore::takeThreadCounts(), std::make_pair(quint64(3), quint64(2)));
        QCOMPARE(ThreadCountingStore::takeThreadCounts(), std::make_pair(quint64(0), quint64(0)));
    }

    void countsBelongToTheSendingThread()
    {
        DeferredStore inner([](const QList<RedisCommand> &commands) {
            return QList<RedisReply>(commands.size(), RedisReply::ok());
        });
        ThreadCountingStore store(inner);
        ThreadCountingStore::takeThreadCounts();
        std::pair<quint64, quint64> lane { 0, 0 };
        std::thread worker([&] {
            store.submit({ RedisCommand::of("GET", "x") }, [](QList<RedisReply>) {});
            store.pipeline({ RedisCommand::of("GET", "y"), RedisCommand::of("GET", "z") });
            lane = ThreadCountingStore::takeThreadCounts();
        });
        worker.join();
        QCOMPARE(lane, std::make_pair(quint64(3), quint64(2)));
        QCOMPARE(ThreadCountingStore::takeThreadCounts(), std::make_pair(quint64(0), quint64(0)));
        QCOMPARE(inner.pipelineCalls(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_ThreadCountingStore)
#include "tst_threadcountingstore.moc"
