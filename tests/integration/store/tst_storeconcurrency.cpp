// Several writers at once: two Redis connections (or threads on the memory store) never lose
// an update, a message id is claimed exactly once however many deliveries race for it, and
// transactions and scripts are atomic.

#include "store/scriptcontext.h"
#include "storesuite.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_StoreConcurrency : public StoreSuite
{
    Q_OBJECT

private Q_SLOTS:
    void incrementsFromTwoConnections()
    {
        std::atomic<int> failures { 0 };
        auto worker = [&](KeyValueStore &store) {
            for (int batch = 0; batch < 50; ++batch) {
                QList<RedisCommand> commands(20, RedisCommand::of("INCR", "shared"));
                commands.append(RedisCommand::of("HINCRBY", "sharedh", "n", 1));
                for (const RedisReply &r : StoreFixture::await(store.pipeline(commands)))
                    failures += r.isError() ? 1 : 0;
            }
        };
        std::thread a(worker, std::ref(m_fx->store()));
        std::thread b(worker, std::ref(m_fx->second()));
        a.join();
        b.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(m_fx->run(RedisCommand::of("GET", "shared")).bytes(), QByteArray("2000"));
        QCOMPARE(m_fx->run(RedisCommand::of("HGET", "sharedh", "n")).bytes(), QByteArray("100"));
    }

    void dedupUnderConcurrentDelivery()
    {
        // Eight deliveries of each of 200 message ids race; each id must be claimed exactly once.
        constexpr int kIds = 200;
        constexpr int kThreads = 8;
        std::vector<std::atomic<int>> wins(kIds);
        std::atomic<int> errors { 0 };
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                KeyValueStore &store = t % 2 ? m_fx->second() : m_fx->store();
                for (int k = 0; k < kIds; k += 10) {
                    QList<RedisCommand> commands;
                    for (int j = 0; j < 10; ++j) {
                        const int id = (k + j + t * 7) % kIds; // each thread in its own order
                        commands.append(RedisCommand::of(
                            "SET", "m1:dedup:{385}:wamid." + QByteArray::number(id), t, "NX", "PX",
                            60000));
                    }
                    const QList<RedisReply> replies = StoreFixture::await(store.pipeline(commands));
                    for (int j = 0; j < replies.size(); ++j) {
                        if (replies.at(j).isOk())
                            ++wins[(k + j + t * 7) % kIds];
                        else if (!replies.at(j).isNil())
                            ++errors;
                    }
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(errors.load(), 0);
        for (int id = 0; id < kIds; ++id)
            QVERIFY2(wins[id] == 1,
                     qPrintable(u"id "_s + QString::number(id) + u" claimed "_s
                                + QString::number(wins[id])));
    }

    void transactionsAreAtomic()
    {
        std::atomic<bool> stop { false };
        std::atomic<int> torn { 0 };
        std::thread reader([&] {
            while (!stop) {
                const QList<RedisReply> r = StoreFixture::await(m_fx->second().transaction(
                    { RedisCommand::of("GET", "ta"), RedisCommand::of("GET", "tb") }));
                if (r.size() == 2 && r.at(0).bytes() != r.at(1).bytes())
                    ++torn;
            }
        });
        auto writer = [&](KeyValueStore &store) {
            for (int i = 0; i < 200; ++i)
                StoreFixture::await(store.transaction(
                    { RedisCommand::of("INCR", "ta"), RedisCommand::of("INCR", "tb") }));
        };
        std::thread w1(writer, std::ref(m_fx->store()));
        std::thread w2(writer, std::ref(m_fx->second()));
        w1.join();
        w2.join();
        stop = true;
        reader.join();
        QCOMPARE(torn.load(), 0);
        QCOMPARE(m_fx->run(RedisCommand::of("GET", "ta")).bytes(), QByteArray("400"));
        QCOMPARE(m_fx->run(RedisCommand::of("GET", "tb")).bytes(), QByteArray("400"));
    }

    void scriptsAreAtomic()
    {
        // Check-then-increment in a script: with 300 racing calls and a cap of 100, exactly 100
        // win.
        static const auto claim = std::make_shared<const LuaScript>(
            QByteArrayLiteral("claim_slot"),
            QByteArrayLiteral("local n = tonumber(redis.call('GET', KEYS[1]) or '0')\n"
                              "if n >= tonumber(ARGV[1]) then return 0 end\n"
                              "redis.call('INCR', KEYS[1])\n"
                              "return 1\n"),
            [](ScriptContext &ctx, const QByteArrayList &keys, const QByteArrayList &args) {
                const qint64 n = ctx.call({ "GET", keys.at(0) }).toInteger();
                if (n >= args.at(0).toLongLong())
                    return RedisReply::integer(0);
                ctx.call({ "INCR", keys.at(0) });
                return RedisReply::integer(1);
            });
        std::atomic<int> won { 0 };
        auto worker = [&](KeyValueStore &store) {
            for (int i = 0; i < 150; ++i)
                won += int(
                    StoreFixture::await(store.script(claim, { "slots" }, { "100" })).integer());
        };
        std::thread a(worker, std::ref(m_fx->store()));
        std::thread b(worker, std::ref(m_fx->second()));
        a.join();
        b.join();
        QCOMPARE(won.load(), 100);
        QCOMPARE(m_fx->run(RedisCommand::of("GET", "slots")).bytes(), QByteArray("100"));
    }
};

QTEST_GUILESS_MAIN(tst_StoreConcurrency)
#include "tst_storeconcurrency.moc"
