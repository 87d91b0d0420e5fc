#include "core/clock.h"
#include "core/timeseries.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace m1;

namespace {
constexpr qint64 kStartMs = 1'700'000'000'000; // a whole second
constexpr qint64 kStart = kStartMs / 1000;
}

class TestTimeSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsWithinOneSecond();
    void gapsAreZeroPoints();
    void ringWrapsAround();
    void staleSlotIsNotReported();
    void outOfWindowReads();
    void lastSeconds();
    void subSecondBoundaries();
    void concurrentAddsAreExact();
};

void TestTimeSeries::addsWithinOneSecond()
{
    ManualClock clock(kStartMs);
    TimeSeries s(clock, 60);
    s.add();
    s.add(2.5);
    clock.advanceMs(999);
    s.add(0.5);
    QCOMPARE(s.currentSecond(), kStart);
    QCOMPARE(s.points(kStart, kStart), (QList<TimeSeriesPoint>{{kStart, 4.0, 3}}));
}

void TestTimeSeries::gapsAreZeroPoints()
{
    ManualClock clock(kStartMs);
    TimeSeries s(clock, 60);
    s.add(1);
    clock.advanceMs(3000);
    s.add(5);
    QCOMPARE(s.points(kStart, kStart + 3),
             (QList<TimeSeriesPoint>{{kStart, 1, 1}, {kStart + 1, 0, 0}, {kStart + 2, 0, 0}, {kStart + 3, 5, 1}}));
}

void TestTimeSeries::ringWrapsAround()
{
    ManualClock clock(kStartMs);
    TimeSeries s(clock, 10);
    // 25 seconds of data, value = second offset: only the last 10 fit.
    for (int i = 0; i < 25; ++i) {
        s.add(i);
        s.add(i);
        clock.advanceMs(1000);
    }
    clock.advanceMs(-1000); // back inside the last written second
    const QList<TimeSeriesPoint> points = s.points(kStart, kStart + 24);
    QCOMPARE(points.size(), 10);
    for (int k = 0; k < 10; ++k) {
        const int i = 15 + k;
        QCOMPARE(points[k], (TimeSeriesPoint{kStart + i, 2.0 * i, 2}));
    }
}

void TestTimeSeries::staleSlotIsNotReported()
{
    ManualClock clock(kStartMs);
    TimeSeries s(clock, 10);
    s.add(7);
    clock.advanceMs(10'000); // same slot, ten seconds later, nothing written yet
    QCOMPARE(s.points(kStart + 10, kStart + 10), (QList<TimeSeriesPoint>{{kStart + 10, 0, 0}}));
    QVERIFY(s.points(kStart, kStart).isEmpty()); // out of the window now
    s.add(3);
    QCOMPARE(s.points(kStart + 10, kStart + 10), (QList<TimeSeriesPoint>{{kStart + 10, 3, 1}}));
}

void TestTimeSeries::outOfWindowReads()
{
    ManualClock clock(kStartMs);
    TimeSeries s(clock, 5);
    s.add(1);
    QVERIFY(s.points(kStart + 1, kStart + 100).isEmpty()); // the future
    QVERIFY(s.points(kStart - 100, kStart - 5).isEmpty());  // before the window
    QVERIFY(s.points(kStart, kStart - 1).isEmpty());        // reversed range
    // Partly outside: clipped to [now - 4, now].
    const QList<TimeSeriesPoint> clipped = s.points(kStart - 100, kStart + 100);
    QCOMPARE(clipped.size(), 5);
    QCOMPARE(clipped.first().second, kStart - 4);
    QCOMPARE(clipped.last(), (TimeSeriesPoint{kStart, 1, 1}));
}

void TestTimeSeries::lastSeconds()
{
    ManualClock clock(kStartMs);
    TimeSeries s(clock, 3600);
    for (int i = 0; i < 5; ++i) {
        s.add(10);
        clock.advanceMs(1000);
    }
    const QList<TimeSeriesPoint> last = s.lastSeconds(3);
    QCOMPARE(last.size(), 3);
    QCOMPARE(last[0], (TimeSeriesPoint{kStart + 3, 10, 1}));
    QCOMPARE(last[1], (TimeSeriesPoint{kStart + 4, 10, 1}));
    QCOMPARE(last[2], (TimeSeriesPoint{kStart + 5, 0, 0})); // the current second, empty so far
    QCOMPARE(s.capacitySeconds(), 3600);
}

void TestTimeSeries::subSecondBoundaries()
{
    ManualClock clock(kStartMs + 999);
    TimeSeries s(clock, 60);
    s.add(1);
    clock.advanceMs(1); // the next second starts exactly here
    s.add(2);
    QCOMPARE(s.points(kStart, kStart + 1),
             (QList<TimeSeriesPoint>{{kStart, 1, 1}, {kStart + 1, 2, 1}}));
}

void TestTimeSeries::concurrentAddsAreExact()
{
    ManualClock clock(kStartMs);
    TimeSeries s(clock, 60);
    constexpr int threads = 4;
    constexpr int perThread = 50'000;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&s] {
            for (int i = 0; i < perThread; ++i)
                s.add(1.0);
        });
    }
    // Seconds tick while the writers run: each write lands in exactly one second.
    for (int i = 0; i < 20; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        clock.advanceMs(1000);
    }
    for (auto &w : workers)
        w.join();
    quint64 count = 0;
    double sum = 0;
    for (const TimeSeriesPoint &p : s.points(kStart, kStart + 20)) {
        count += p.count;
        sum += p.sum;
        QCOMPARE(p.sum, double(p.count));
    }
    QCOMPARE(count, quint64(threads) * perThread);
    QCOMPARE(sum, double(threads) * perThread);
}

QTEST_GUILESS_MAIN(TestTimeSeries)
#include "tst_timeseries.moc"
