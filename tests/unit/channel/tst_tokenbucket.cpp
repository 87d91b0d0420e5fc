// TokenBucket: bursts, then reservations spaced at the configured rate; driven by a manual clock.

#include "channel/tokenbucket.h"

#include <QTest>

using m1::ManualClock;
using m1::TokenBucket;

class TestTokenBucket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstThenSpacedAtTheRate()
    {
        ManualClock clock;
        TokenBucket bucket(clock, 10.0, 3.0); // 10 per second, 3 at once
        QCOMPARE(bucket.reserve(), 0);
        QCOMPARE(bucket.reserve(), 0);
        QCOMPARE(bucket.reserve(), 0);
        QCOMPARE(bucket.reserve(), 100); // queued behind the burst: one interval
        QCOMPARE(bucket.reserve(), 200);
        clock.advanceMs(200); // both queued reservations are due now
        QCOMPARE(bucket.reserve(), 100);
    }

    void refillsUpToTheBurstOnly()
    {
        ManualClock clock;
        TokenBucket bucket(clock, 80.0, 80.0);
        for (int i = 0; i < 80; ++i)
            QCOMPARE(bucket.reserve(), 0);
        QVERIFY(bucket.reserve() > 0);
        clock.advanceMs(60'000); // a long pause does not build up more than the burst
        int immediate = 0;
        while (bucket.reserve() == 0)
            ++immediate;
        QCOMPARE(immediate, 80);
    }

    void sustainedRate()
    {
        ManualClock clock;
        TokenBucket bucket(clock, 5.0, 1.0);
        // 50 requests arriving at once are spread over ~10 s.
        qint64 last = 0;
        for (int i = 0; i < 50; ++i)
            last = bucket.reserve();
        QCOMPARE(last, 49 * 200);
    }

    void nonsenseParametersAreMadeSafe()
    {
        ManualClock clock;
        TokenBucket bucket(clock, 0.0, 0.0);
        QCOMPARE(bucket.burst(), 1.0);
        QVERIFY(bucket.ratePerSecond() > 0);
        QCOMPARE(bucket.reserve(), 0);
        QVERIFY(bucket.reserve() > 0);
    }
};

QTEST_GUILESS_MAIN(TestTokenBucket)
#include "tst_tokenbucket.moc"
