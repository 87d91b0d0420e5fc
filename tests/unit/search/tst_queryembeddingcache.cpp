// QueryEmbeddingCache: LRU eviction by size, expiry by TTL on a ManualClock, hit/miss counters.

#include "core/clock.h"
#include "search/queryembeddingcache.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {
QueryEmbeddingCache::Vector vec(float v)
{
    return std::make_shared<const std::vector<float>>(std::vector<float> { v });
}
} // namespace

class TestQueryEmbeddingCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lruEviction();
    void ttlExpiry();
    void zeroCapacityCachesNothing();
};

void TestQueryEmbeddingCache::lruEviction()
{
    ManualClock clock;
    QueryEmbeddingCache cache(2, 60000, clock);
    cache.insert(u"a"_s, vec(1));
    cache.insert(u"b"_s, vec(2));
    QCOMPARE(cache.find(u"a"_s)->front(), 1.0f); // a is now the most recent
    cache.insert(u"c"_s, vec(3)); // evicts b
    QVERIFY(!cache.find(u"b"_s));
    QVERIFY(cache.find(u"a"_s));
    QVERIFY(cache.find(u"c"_s));
    QCOMPARE(cache.size(), 2);
    QCOMPARE(cache.hits(), 3u);
    QCOMPARE(cache.misses(), 1u);
    cache.insert(u"a"_s, vec(10)); // replacing refreshes, does not grow
    QCOMPARE(cache.size(), 2);
    QCOMPARE(cache.find(u"a"_s)->front(), 10.0f);
}

void TestQueryEmbeddingCache::ttlExpiry()
{
    ManualClock clock;
    QueryEmbeddingCache cache(10, 1000, clock);
    cache.insert(u"a"_s, vec(1));
    clock.advanceMs(999);
    QVERIFY(cache.find(u"a"_s));
    clock.advanceMs(1);
    QVERIFY(!cache.find(u"a"_s));
    QCOMPARE(cache.size(), 0);
    QCOMPARE(cache.hits(), 1u);
    QCOMPARE(cache.misses(), 1u);
}

void TestQueryEmbeddingCache::zeroCapacityCachesNothing()
{
    ManualClock clock;
    QueryEmbeddingCache cache(0, 1000, clock);
    cache.insert(u"a"_s, vec(1));
    QVERIFY(!cache.find(u"a"_s));
}

QTEST_GUILESS_MAIN(TestQueryEmbeddingCache)
#include "tst_queryembeddingcache.moc"
