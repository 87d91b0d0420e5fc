#include "core/clock.h"
#include "core/startupphases.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace m1;

class TestStartupPhases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsPhasesAndDerivedTotal();
    void explicitTotalWins();
    void publishesGauges();
    void reRecordingReplaces();
    void concurrentPhases();
};

void TestStartupPhases::recordsPhasesAndDerivedTotal()
{
    ManualClock clock;
    MetricsRegistry m(clock);
    StartupPhases phases(m);
    QVERIFY(!phases.has(u"parse"_s));
    QCOMPARE(phases.ms(u"parse"_s), 0.0);
    phases.record(u"parse"_s, 12.5);
    phases.record(u"graph"_s, 0.75);
    QCOMPARE(phases.ms(u"parse"_s), 12.5);
    QCOMPARE(phases.ms(u"total"_s), 13.25);
    const QJsonObject json = phases.toJson();
    QCOMPARE(json.size(), 3);
    QCOMPARE(json.value(u"parse"_s).toDouble(), 12.5);
    QCOMPARE(json.value(u"graph"_s).toDouble(), 0.75);
    QCOMPARE(json.value(u"total"_s).toDouble(), 13.25);
    QVERIFY(!json.contains(u"embed"_s)); // not built yet: not reported
    QCOMPARE(StartupPhases::standardPhases(),
             (QStringList{u"parse"_s, u"embed"_s, u"graph"_s, u"index"_s, u"total"_s}));
}

void TestStartupPhases::explicitTotalWins()
{
    ManualClock clock;
    MetricsRegistry m(clock);
    StartupPhases phases(m);
    phases.record(u"parse"_s, 10);
    phases.record(u"total"_s, 30); // wall time, including the gaps between phases
    phases.record(u"index"_s, 5);
    QCOMPARE(phases.ms(u"total"_s), 30.0);
    QCOMPARE(m.gauge(u"startup.total_ms"_s).value(), 30.0);
}

void TestStartupPhases::publishesGauges()
{
    ManualClock clock;
    MetricsRegistry m(clock);
    StartupPhases phases(m);
    phases.record(u"embed"_s, 250);
    phases.record(u"index"_s, 40);
    const MetricsSnapshot s = m.snapshot();
    QCOMPARE(s.gauge(u"startup.embed_ms"_s)->value, 250.0);
    QCOMPARE(s.gauge(u"startup.index_ms"_s)->value, 40.0);
    QCOMPARE(s.gauge(u"startup.total_ms"_s)->value, 290.0);
    QVERIFY(m.prometheusText().contains(u"m1_startup_embed_ms 250\n"));
}

void TestStartupPhases::reRecordingReplaces()
{
    ManualClock clock;
    MetricsRegistry m(clock);
    StartupPhases phases(m);
    phases.record(u"parse"_s, 100);
    phases.record(u"parse"_s, 20); // a reload
    QCOMPARE(phases.ms(u"parse"_s), 20.0);
    QCOMPARE(phases.ms(u"total"_s), 20.0);
    QCOMPARE(m.gauge(u"startup.parse_ms"_s).value(), 20.0);
}

void TestStartupPhases::concurrentPhases()
{
    ManualClock clock;
    MetricsRegistry m(clock);
    StartupPhases phases(m);
    const QStringList names{u"parse"_s, u"embed"_s, u"graph"_s, u"index"_s};
    std::vector<std::thread> workers;
    for (int t = 0; t < 4; ++t) {
        workers.emplace_back([&phases, &names, t] {
            for (int i = 0; i <= 1000; ++i)
                phases.record(names[t], i);
        });
    }
    for (auto &w : workers)
        w.join();
    QCOMPARE(phases.ms(u"total"_s), 4000.0);
    QCOMPARE(m.gauge(u"startup.total_ms"_s).value(), 4000.0);
}

QTEST_GUILESS_MAIN(TestStartupPhases)
#include "tst_startupphases.moc"
