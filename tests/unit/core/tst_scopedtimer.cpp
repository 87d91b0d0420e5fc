#include "core/clock.h"
#include "core/scopedtimer.h"

#include <QTest>

using namespace m1;

class TestScopedTimer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsOnDestruction();
    void stopRecordsOnce();
    void cancelRecordsNothing();
    void systemClockIsMonotonic();
};

void TestScopedTimer::recordsOnDestruction()
{
    ManualClock clock;
    LatencyHistogram h;
    {
        ScopedTimer timer(h, clock);
        clock.advanceMs(5);
        QCOMPARE(timer.elapsedNs(), qint64(5'000'000));
        QCOMPARE(h.count(), quint64(0));
    }
    QCOMPARE(h.count(), quint64(1));
    QCOMPARE(h.maxNs(), qint64(5'000'000));
}

void TestScopedTimer::stopRecordsOnce()
{
    ManualClock clock;
    LatencyHistogram h;
    {
        ScopedTimer timer(h, clock);
        clock.advanceMs(2);
        QCOMPARE(timer.stop(), qint64(2'000'000));
        clock.advanceMs(10);
        timer.stop();
    }
    QCOMPARE(h.count(), quint64(1));
    QCOMPARE(h.maxNs(), qint64(2'000'000));
}

void TestScopedTimer::cancelRecordsNothing()
{
    ManualClock clock;
    LatencyHistogram h;
    {
        ScopedTimer timer(h, clock);
        clock.advanceMs(1);
        timer.cancel();
    }
    QCOMPARE(h.count(), quint64(0));
}

void TestScopedTimer::systemClockIsMonotonic()
{
    SystemClock clock;
    LatencyHistogram h;
    for (int i = 0; i < 100; ++i) {
        ScopedTimer timer(h, clock);
    }
    QCOMPARE(h.count(), quint64(100));
    QVERIFY(h.minNs() >= 0);
}

QTEST_GUILESS_MAIN(TestScopedTimer)
#include "tst_scopedtimer.moc"
