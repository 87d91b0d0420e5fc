// CacheService, Deduplicator and RedisRateLimiter take their answers from the store's side
// (KeyValueStore::submit / pipelineThen / commandThen), never from a QFuture::then() on a
// pipeline future: against a store that answers only through submit(), later and from another
// thread, every future stays open until the store answers and then carries the right value.

#include "conversation/cacheservice.h"
#include "conversation/deduplicator.h"
#include "conversation/redisratelimiter.h"
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "deferredstore.h"

#include <QTest>

#include <thread>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

// Redis' answers for what these classes send: one cached value, SET NX that wins once, and a
// rate-limit script that allows (1 in this window, 2 in the previous).
QList<RedisReply> redisLike(const QList<RedisCommand> &commands, QSet<QByteArray> &seen)
{
    QList<RedisReply> replies;
    for (const RedisCommand &c : commands) {
        const QByteArrayList &argv = c.argv();
        const QByteArray name = argv.value(0).toUpper();
        if (name == "GET")
            replies.append(argv.value(1) == "m1:cache:t:a" ? RedisReply::string("1")
                                                           : RedisReply::nil());
        else if (name == "SET" && argv.contains("NX")) {
            const bool first = !seen.contains(argv.value(1));
            seen.insert(argv.value(1));
            replies.append(first ? RedisReply::ok() : RedisReply::nil());
        } else if (name == "SET")
            replies.append(RedisReply::ok());
        else if (name == "DEL")
            replies.append(RedisReply::integer(1));
        else if (name == "EVALSHA" || name == "EVAL")
            replies.append(RedisReply::array({ RedisReply::integer(1), RedisReply::integer(1),
                                               RedisReply::integer(2), RedisReply::integer(0) }));
        else
            replies.append(RedisReply::error("ERR unexpected command " + name));
    }
    return replies;
}

// Answers what waits on a thread of its own, as the Redis store does on the engine thread.
int answerFromAnotherThread(DeferredStore &store)
{
    int answered = 0;
    std::thread io([&] { answered = store.answer(); });
    io.join();
    return answered;
}

} // namespace

class tst_StoreAnswers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cacheAnswersFromTheStoreSide()
    {
        QSet<QByteArray> seen;
        DeferredStore store([&](const QList<RedisCommand> &c) { return redisLike(c, seen); });
        ManualClock clock;
        MetricsRegistry metrics(clock);
        CacheService cache(store, u"t"_s, metrics);

        QFuture<std::optional<QByteArray>> one = cache.get("a");
        QFuture<QList<std::optional<QByteArray>>> many = cache.getMany({ "a", "b" });
        QFuture<bool> set = cache.setMany({ { "x", "1" }, { "y", "2" } }, 1000);
        QFuture<bool> removed = cache.remove({ "x" });
        QCOMPARE(store.waiting(), 4);
        QVERIFY(!one.isFinished() && !many.isFinished() && !set.isFinished()
                && !removed.isFinished());

        QCOMPARE(answerFromAnotherThread(store), 4);
        QVERIFY(one.isFinished() && many.isFinished() && set.isFinished() && removed.isFinished());
        QCOMPARE(one.result(), std::optional<QByteArray>("1"));
        const QList<std::optional<QByteArray>> values = many.result();
        QCOMPARE(values.size(), 2);
        QCOMPARE(values.at(0), std::optional<QByteArray>("1"));
        QVERIFY(!values.at(1));
        QVERIFY(set.result());
        QVERIFY(removed.result());
        QCOMPARE(metrics.counter(u"cache.t.hits"_s).value(), 2u);
        QCOMPARE(metrics.counter(u"cache.t.misses"_s).value(), 1u);
        QCOMPARE(store.submitted(),
                 QStringList({ u"GET m1:cache:t:a"_s, u"GET m1:cache:t:a"_s, u"GET m1:cache:t:b"_s,
                               u"SET m1:cache:t:x 1 PX 1000"_s, u"SET m1:cache:t:y 2 PX 1000"_s,
                               u"DEL m1:cache:t:x"_s }));
        QCOMPARE(store.pipelineCalls(), 0);
    }

    void deduplicatorAnswersFromTheStoreSide()
    {
        QSet<QByteArray> seen;
        DeferredStore store([&](const QList<RedisCommand> &c) { return redisLike(c, seen); });
        ManualClock clock;
        MetricsRegistry metrics(clock);
        Deduplicator dedup(store, 60'000, clock, metrics);

        QFuture<Deduplicator::Verdict> first = dedup.check(u"385911"_s, u"wamid.1"_s);
        QVERIFY(!first.isFinished());
        answerFromAnotherThread(store);
        QCOMPARE(first.result(), Deduplicator::Verdict::First);

        QFuture<Deduplicator::Verdict> again = dedup.check(u"385911"_s, u"wamid.1"_s);
        QVERIFY(!again.isFinished());
        answerFromAnotherThread(store);
        QCOMPARE(again.result(), Deduplicator::Verdict::Duplicate);
        QCOMPARE(dedup.duplicatesDropped(), 1u);
        QCOMPARE(store.pipelineCalls(), 0);
    }

    void rateLimiterAnswersFromTheStoreSide()
    {
        QSet<QByteArray> seen;
        DeferredStore store([&](const QList<RedisCommand> &c) { return redisLike(c, seen); });
        ManualClock clock;
        RedisRateLimiter limiter(store, { 10, 60'000 }, clock);

        QFuture<RateDecision> decision = limiter.check(u"385911"_s);
        QVERIFY(!decision.isFinished());
        QCOMPARE(answerFromAnotherThread(store), 1);
        const RateDecision d = decision.result();
        QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
        QVERIFY(d.allowed);
        QCOMPARE(d.current, 1);
        QCOMPARE(d.previous, 2);
        QCOMPARE(store.pipelineCalls(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_StoreAnswers)
#include "tst_storeanswers.moc"
