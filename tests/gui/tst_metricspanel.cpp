// The metrics panel turns the engine's snapshots into rates and percentiles, keeps a bounded
// history, draws the chosen window and exports it as CSV and PNG.

#include "models/metricshistory.h"
#include "panels/metricspanel.h"
#include "widgets/timechart.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

m1::MetricsSnapshot snapshot(qint64 ms, quint64 messages, quint64 commands, quint64 turnCommands, double rss)
{
    m1::MetricsSnapshot s;
    s.takenAtMs = ms;
    s.counters = {{u"m1_pipeline_messages_total"_s, {}, messages},
                  {u"m1_simulator_turn_store_commands_total"_s, {}, turnCommands},
                  {u"store.commands"_s, {}, commands},
                  {u"store.round_trips"_s, {}, commands / 2}};
    s.gauges = {{u"process.rss_bytes"_s, {}, rss}, {u"startup.parse_ms"_s, {}, 48.0}, {u"startup.graph_ms"_s, {}, 1.5}};
    m1::HistogramSnapshot search;
    search.count = 10;
    search.p50Ns = 120'000;
    search.p99Ns = 900'000;
    s.histograms = {{u"m1_search_latency"_s, {}, search}};
    return s;
}

} // namespace

class TestMetricsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"MobilityOneTest"_s);
        QCoreApplication::setApplicationName(u"tst_metricspanel"_s);
        QStandardPaths::setTestModeEnabled(true);
    }

    void ratesFromConsecutiveSnapshots()
    {
        m1::MetricsHistory history;
        history.add(snapshot(1'000'000, 0, 100, 0, 64.0 * 1024 * 1024));
        history.add(snapshot(1'002'000, 10, 180, 50, 65.0 * 1024 * 1024));
        const QList<m1::MetricsSample> samples = history.window(300, 600);
        QCOMPARE(samples.size(), 2);
        const m1::MetricsSample &s = samples.constLast();
        QCOMPARE(s.messagesPerSecond, 5.0);
        QCOMPARE(s.redisCommandsPerSecond, 40.0);
        QCOMPARE(s.redisCommandsPerMessage, 5.0); // the turns' own commands, not the polling
        QCOMPARE(s.searchP99Us, 900.0);
        QCOMPARE(s.rssMiB, 65.0);
        QVERIFY(std::isnan(samples.constFirst().redisCommandsPerMessage));
        QCOMPARE(history.startupPhases().size(), 2);
        // A repeated snapshot is ignored rather than divided by zero.
        history.add(snapshot(1'002'000, 10, 180, 50, 0));
        QCOMPARE(history.size(), 2);
    }

    void windowIsThinnedAndHistoryBounded()
    {
        m1::MetricsHistory history;
        const qint64 start = 1'000'000'000;
        for (int i = 0; i <= 25 * 3600; i += 10)
            history.add(snapshot(start + qint64(i) * 1000, quint64(i), quint64(i) * 4, quint64(i), 1e8));
        QVERIFY(history.size() <= 24 * 360 + 1); // older than 24 hours is gone
        QVERIFY(history.window(24 * 3600, 600).size() <= 600);
        QCOMPARE(history.window(300, 600).size(), 30); // one point per 10 s snapshot
    }

    void exportsCsvAndPng()
    {
        QTemporaryDir dir;
        m1::MetricsPanel panel;
        panel.resize(1200, 800);
        panel.show();
        panel.setWindowSeconds(3600);
        for (int i = 0; i < 30; ++i)
            panel.addSnapshot(snapshot(2'000'000 + i * 1000, quint64(i), quint64(i) * 6, quint64(i) * 5, 7e7));
        QVERIFY(panel.charts().constFirst()->pointCount(0) > 0);

        const QString csv = dir.filePath(u"metrics.csv"_s);
        QCOMPARE(panel.exportCsv(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 31);
        QVERIFY(lines.constFirst().startsWith("time_ms,search_p50_us,search_p99_us"));

        const QString png = dir.filePath(u"metrics.png"_s);
        QCOMPARE(panel.exportPng(png), QString());
        QVERIFY(!QImage(png).isNull());
    }
};

QTEST_MAIN(TestMetricsPanel)
#include "tst_metricspanel.moc"
