// The sliding-window arithmetic: exact integer decisions, and a retry-after that is neither
// early nor late.

#include "conversation/slidingwindow.h"

#include <QRandomGenerator>
#include <QTest>

using namespace m1;

namespace {

// The decision at `later` if nothing else arrives after a check at `now` left (current, previous).
RateDecision later(qint64 limit, qint64 window, qint64 now, qint64 at, qint64 current,
                   qint64 previous, qint64 cost)
{
    const qint64 shift
        = SlidingWindow::windowIndex(at, window) - SlidingWindow::windowIndex(now, window);
    if (shift == 1) {
        previous = current;
        current = 0;
    } else if (shift >= 2) {
        previous = current = 0;
    }
    return SlidingWindow::decide(limit, window, at, current, previous, cost);
}

} // namespace

class tst_SlidingWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void weightsThePreviousWindow()
    {
        // 60 s window, limit 10, 10 in the previous window, 15 s into this one: 10 · 45/60 = 7.5
        // count.
        const qint64 now = 60'000 * 100 + 15'000;
        QVERIFY(SlidingWindow::decide(10, 60'000, now, 1, 10, 1).allowed); // 7.5 + 1 + 1 = 9.5
        QVERIFY(!SlidingWindow::decide(10, 60'000, now, 2, 10, 1).allowed); // 7.5 + 2 + 1 = 10.5
        QVERIFY(SlidingWindow::decide(10, 60'000, now, 9, 0, 1)
                    .allowed); // nothing before: a fixed window
        QVERIFY(!SlidingWindow::decide(10, 60'000, now, 10, 0, 1).allowed);
    }

    void exactlyAtTheLimit()
    {
        // Integers only: estimate + cost == limit is allowed, a hair more is not.
        QVERIFY(SlidingWindow::decide(10, 60'000, 30'000, 4, 10, 1).allowed); // 5 + 4 + 1 = 10
        QVERIFY(!SlidingWindow::decide(10, 60'000, 30'000, 5, 10, 1).allowed); // 5 + 5 + 1 = 11
        QVERIFY(!SlidingWindow::decide(10, 60'000, 29'999, 4, 10, 1).allowed); // 5.0002 + 4 + 1
        const RateDecision d = SlidingWindow::decide(10, 60'000, 30'000, 4, 10, 1);
        QCOMPARE(d.current, 5);
        QCOMPARE(d.previous, 10);
    }

    void costAboveLimitNeverPasses()
    {
        const RateDecision d = SlidingWindow::decide(3, 1000, 0, 0, 0, 4);
        QVERIFY(!d.allowed);
        QCOMPARE(d.retryAfterMs, -1);
    }

    void retryAfterIsExact()
    {
        QRandomGenerator random(7);
        int denied = 0;
        for (int i = 0; i < 20000; ++i) {
            const qint64 window
                = QList<qint64> { 1000, 60'000, 3'600'000 }.at(int(random.bounded(3)));
            const qint64 limit = 1 + random.bounded(50);
            const qint64 cost = 1 + random.bounded(3);
            const qint64 now = 1'700'000'000'000 + qint64(random.bounded(10'000'000));
            const qint64 current = random.bounded(int(limit + 5));
            const qint64 previous = random.bounded(int(2 * limit + 1));
            const RateDecision d
                = SlidingWindow::decide(limit, window, now, current, previous, cost);
            if (d.allowed) {
                QCOMPARE(d.current, current + cost);
                continue;
            }
            if (cost > limit)
                continue;
            ++denied;
            QVERIFY(d.retryAfterMs >= 1);
            QVERIFY2(
                later(limit, window, now, now + d.retryAfterMs, current, previous, cost).allowed,
                qPrintable(QStringLiteral("late: limit %1 window %2 now %3 cur %4 prev %5 retry %6")
                               .arg(limit)
                               .arg(window)
                               .arg(now)
                               .arg(current)
                               .arg(previous)
                               .arg(d.retryAfterMs)));
            if (d.retryAfterMs > 1)
                QVERIFY2(
                    !later(limit, window, now, now + d.retryAfterMs - 1, current, previous, cost)
                         .allowed,
                    qPrintable(
                        QStringLiteral("early: limit %1 window %2 now %3 cur %4 prev %5 retry %6")
                            .arg(limit)
                            .arg(window)
                            .arg(now)
                            .arg(current)
                            .arg(previous)
                            .arg(d.retryAfterMs)));
        }
        QVERIFY(denied > 1000);
    }
};

QTEST_GUILESS_MAIN(tst_SlidingWindow)
#include "tst_slidingwindow.moc"
