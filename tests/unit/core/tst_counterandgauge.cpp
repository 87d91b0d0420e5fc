#include "core/counter.h"
#include "core/gauge.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace m1;

class TestCounterAndGauge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void counterAdds();
    void counterIsExactUnderContention();
    void gaugeSetsAndAdds();
    void gaugeAddIsExactUnderContention();
};

void TestCounterAndGauge::counterAdds()
{
    Counter c;
    QCOMPARE(c.value(), quint64(0));
    c.add();
    c.add(41);
    QCOMPARE(c.value(), quint64(42));
}

void TestCounterAndGauge::counterIsExactUnderContention()
{
    Counter c;
    constexpr int threads = 6;
    constexpr int perThread = 200'000;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&c] {
            for (int i = 0; i < perThread; ++i)
                c.add();
        });
    }
    for (auto &w : workers)
        w.join();
    QCOMPARE(c.value(), quint64(threads) * perThread);
}

void TestCounterAndGauge::gaugeSetsAndAdds()
{
    Gauge g;
    QCOMPARE(g.value(), 0.0);
    g.set(2.5);
    g.add(-1.0);
    QCOMPARE(g.value(), 1.5);
    g.set(-7);
    QCOMPARE(g.value(), -7.0);
}

void TestCounterAndGauge::gaugeAddIsExactUnderContention()
{
    Gauge g;
    constexpr int threads = 4;
    constexpr int perThread = 100'000;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        // Whole numbers stay exact in a double, so any lost update would show.
        workers.emplace_back([&g, t] {
            for (int i = 0; i < perThread; ++i)
                g.add(t % 2 == 0 ? 2.0 : -1.0);
        });
    }
    for (auto &w : workers)
        w.join();
    QCOMPARE(g.value(), double(perThread) * (2 * 2.0 - 2 * 1.0));
}

QTEST_GUILESS_MAIN(TestCounterAndGauge)
#include "tst_counterandgauge.moc"
