// CacheService on the memory store: namespaced keys, TTL, batched reads and writes in one round
// trip, hits and misses counted.

#include "conversation/cacheservice.h"
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "store/countingstore.h"
#include "store/memorystore.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_CacheService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getSetManyWithTtl()
    {
        ManualClock clock;
        MetricsRegistry metrics(clock);
        MemoryStore memory(clock, metrics);
        CountingStore store(memory);
        CacheService cache(store, u"emb"_s, metrics);

        QVERIFY(
            cache.setMany({ { "a", "1" }, { "b", "2" }, { "c", QByteArray(1000, 'x') } }, 60'000)
                .result());
        QCOMPARE(store.roundTrips(), 1u);
        QCOMPARE(cache.storageKey("a"), QByteArray("m1:cache:emb:a"));
        QCOMPARE(memory.pipeline({ RedisCommand::of("GET", "m1:cache:emb:b") })
                     .result()
                     .value(0)
                     .bytes(),
                 QByteArray("2"));

        const QList<std::optional<QByteArray>> got = cache.getMany({ "a", "zz", "c" }).result();
        QCOMPARE(store.roundTrips(), 2u);
        QCOMPARE(got.size(), 3);
        QCOMPARE(got.at(0), std::optional<QByteArray>("1"));
        QVERIFY(!got.at(1));
        QCOMPARE(got.at(2)->size(), 1000);
        QCOMPARE(metrics.counter(u"cache.emb.hits"_s).value(), 2u);
        QCOMPARE(metrics.counter(u"cache.emb.misses"_s).value(), 1u);

        clock.advanceMs(60'001);
        QVERIFY(!cache.get("a").result());
        QVERIFY(cache.set("forever", "v", 0).result());
        clock.advanceMs(10'000'000);
        QCOMPARE(cache.get("forever").result(), std::optional<QByteArray>("v"));
        QVERIFY(cache.remove({ "forever" }).result());
        QVERIFY(!cache.get("forever").result());
    }

    void wrongTypeReadsAsMissAndCountsError()
    {
        ManualClock clock;
        MetricsRegistry metrics(clock);
        MemoryStore store(clock, metrics);
        CacheService cache(store, u"q"_s, metrics);
        store.pipeline({ RedisCommand::of("HSET", "m1:cache:q:h", "f", "v") }).waitForFinished();
        QVERIFY(!cache.get("h").result());
        QCOMPARE(metrics.counter(u"cache.q.errors"_s).value(), 1u);
    }
};

QTEST_GUILESS_MAIN(tst_CacheService)
#include "tst_cacheservice.moc"
