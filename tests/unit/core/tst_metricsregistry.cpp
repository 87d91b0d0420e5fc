#include "core/clock.h"
#include "core/metricsregistry.h"
#include "core/prometheustext.h"

#include <QHash>
#include <QRegularExpression>
#include <QTest>
#include <QVariant>

#include <cmath>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

// A small parser for the text exposition format, strict where the format is: every sample
// line is `name[{labels}] value`, names match the allowed pattern, a TYPE line comes before
// the family's samples and at most once.
struct Exposition
{
    QHash<QString, QString> types; // family → type
    QHash<QString, QString> help;
    QHash<QString, double> samples; // "name{labels}" → value
    QStringList errors;
    QStringList comments;
};

Exposition parse(const QString &text)
{
    static const QRegularExpression name(uR"(^[a-zA-Z_:][a-zA-Z0-9_:]*$)"_s);
    static const QRegularExpression sampleLine(
        uR"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="[^"]*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="[^"]*")*\})? (\S+)$)"_s);
    Exposition e;
    if (!text.isEmpty() && !text.endsWith(u'\n'))
        e.errors << u"no final newline"_s;
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (line.startsWith(u"# TYPE ")) {
            const QStringList parts = line.mid(7).split(u' ');
            if (parts.size() != 2 || !name.match(parts[0]).hasMatch() || e.types.contains(parts[0]))
                e.errors << line;
            else
                e.types.insert(parts[0], parts[1]);
        } else if (line.startsWith(u"# HELP ")) {
            const qsizetype space = line.indexOf(u' ', 7);
            e.help.insert(line.mid(7, space - 7), line.mid(space + 1));
        } else if (line.startsWith(u'#')) {
            e.comments << line;
        } else {
            const QRegularExpressionMatch m = sampleLine.match(line);
            if (!m.hasMatch()) {
                e.errors << line;
                continue;
            }
            QString family = m.captured(1);
            for (const QString &suffix : {u"_sum"_s, u"_count"_s}) {
                if (!e.types.contains(family) && family.endsWith(suffix))
                    family.chop(suffix.size());
            }
            if (!e.types.contains(family))
                e.errors << u"sample before TYPE: "_s + line;
            bool ok = false;
            const QString value = m.captured(3);
            const double v = value == u"NaN" ? NAN : value == u"+Inf" ? INFINITY : value.toDouble(&ok);
            if (!ok && value != u"NaN" && value != u"+Inf")
                e.errors << u"bad value: "_s + line;
            e.samples.insert(m.captured(1) + m.captured(2), v);
        }
    }
    return e;
}

} // namespace

class TestMetricsRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getOrCreateReturnsTheSameObject();
    void kindsHaveSeparateNames();
    void concurrentCreationAgrees();
    void snapshotHoldsPlainValues();
    void snapshotCrossesThreadsAsVariant();
    void metricNamesAreSanitised_data();
    void metricNamesAreSanitised();
    void prometheusTextParsesBack();
    void emptySummaryAndCollisions();
};

void TestMetricsRegistry::getOrCreateReturnsTheSameObject()
{
    ManualClock clock;
    MetricsRegistry m(clock);
    Counter &a = m.counter(u"requests"_s, u"Requests served"_s);
    Counter &b = m.counter(u"requests"_s);
    QCOMPARE(&a, &b);
    // References stay valid while many more metrics are created.
    for (int i = 0; i < 1000; ++i)
        m.counter(u"c"_s + QString::number(i)).add();
    a.add(3);
    QCOMPARE(m.counter(u"requests"_s).value(), quint64(3));
    QCOMPARE(&m.gauge(u"g"_s), &m.gauge(u"g"_s));
    QCOMPARE(&m.histogram(u"h"_s), &m.histogram(u"h"_s));
    QCOMPARE(&m.series(u"s"_s), &m.series(u"s"_s));
    QCOMPARE(&m.clock(), &clock);
    QCOMPARE(m.snapshot().counter(u"requests"_s)->help, u"Requests served"_s);
}

void TestMetricsRegistry::kindsHaveSeparateNames()
{
    ManualClock clock;
    MetricsRegistry m(clock);
    m.counter(u"x"_s).add(2);
    m.gauge(u"x"_s).set(5);
    const MetricsSnapshot s = m.snapshot();
    QCOMPARE(s.counter(u"x"_s)->value, quint64(2));
    QCOMPARE(s.gauge(u"x"_s)->value, 5.0);
}

void TestMetricsRegistry::concurrentCreationAgrees()
{
    ManualClock clock;
    MetricsRegistry m(clock);
    constexpr int threads = 6;
    std::vector<Counter *> seen(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&m, &seen, t] {
            for (int i = 0; i < 200; ++i)
                m.histogram(u"h"_s + QString::number(i)).record(i);
            Counter &c = m.counter(u"shared"_s);
            for (int i = 0; i < 10'000; ++i)
                c.add();
            seen[t] = &c;
        });
    }
    for (auto &w : workers)
        w.join();
    for (Counter *c : seen)
        QCOMPARE(c, &m.counter(u"shared"_s));
    QCOMPARE(m.counter(u"shared"_s).value(), quint64(threads) * 10'000);
    QCOMPARE(m.histogram(u"h7"_s).count(), quint64(threads));
}

void TestMetricsRegistry::snapshotHoldsPlainValues()
{
    ManualClock clock(1'700'000'000'000);
    MetricsRegistry m(clock);
    m.counter(u"b.count"_s).add(7);
    m.counter(u"a.count"_s).add(1);
    m.gauge(u"queue.depth"_s).set(3.5);
    LatencyHistogram &h = m.histogram(u"search.latency"_s);
    for (int i = 1; i <= 100; ++i)
        h.record(i * 1'000'000);
    m.series(u"messages"_s).add(2);
    const MetricsSnapshot s = m.snapshot(5);
    QCOMPARE(s.takenAtMs, clock.nowMs());
    QCOMPARE(s.counters.size(), 2);
    QCOMPARE(s.counters[0].name, u"a.count"_s); // sorted by name
    QCOMPARE(s.counter(u"b.count"_s)->value, quint64(7));
    QCOMPARE(s.gauge(u"queue.depth"_s)->value, 3.5);
    QCOMPARE(s.histogram(u"search.latency"_s)->histogram.count, quint64(100));
    QVERIFY(std::abs(s.histogram(u"search.latency"_s)->histogram.p50Ns - 50e6) <= 50e6 / 128);
    QCOMPARE(s.timeSeries(u"messages"_s)->points.size(), 5);
    QCOMPARE(s.timeSeries(u"messages"_s)->points.last().sum, 2.0);
    QVERIFY(!s.counter(u"missing"_s));
    // Values are copies: later changes do not reach an old snapshot.
    m.counter(u"b.count"_s).add(100);
    QCOMPARE(s.counter(u"b.count"_s)->value, quint64(7));
}

void TestMetricsRegistry::snapshotCrossesThreadsAsVariant()
{
    ManualClock clock;
    MetricsRegistry m(clock);
    m.counter(u"c"_s).add(9);
    const QVariant v = QVariant::fromValue(m.snapshot());
    QCOMPARE(v.metaType(), QMetaType::fromType<MetricsSnapshot>());
    QCOMPARE(v.value<MetricsSnapshot>().counter(u"c"_s)->value, quint64(9));
}

void TestMetricsRegistry::metricNamesAreSanitised_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("expected");
    QTest::newRow("dots") << u"search.latency"_s << QString() << u"m1_search_latency"_s;
    QTest::newRow("dashes and spaces") << u"http-requests in"_s << QString() << u"m1_http_requests_in"_s;
    QTest::newRow("unicode") << u"poruke.šalje"_s << QString() << u"m1_poruke__alje"_s;
    QTest::newRow("leading digit") << u"5xx"_s << QString() << u"m1_5xx"_s;
    QTest::newRow("colon kept") << u"a:b"_s << QString() << u"m1_a:b"_s;
    QTest::newRow("no double prefix") << u"m1.requests"_s << QString() << u"m1_requests"_s;
    QTest::newRow("counter suffix") << u"requests"_s << u"_total"_s << u"m1_requests_total"_s;
    QTest::newRow("suffix not doubled") << u"requests_total"_s << u"_total"_s << u"m1_requests_total"_s;
}

void TestMetricsRegistry::metricNamesAreSanitised()
{
    QFETCH(QString, name);
    QFETCH(QString, suffix);
    QFETCH(QString, expected);
    const QString actual = PrometheusText::metricName(name, suffix);
    QCOMPARE(actual, expected);
    static const QRegularExpression valid(uR"(^[a-zA-Z_:][a-zA-Z0-9_:]*$)"_s);
    QVERIFY(valid.match(actual).hasMatch());
}

void TestMetricsRegistry::prometheusTextParsesBack()
{
    ManualClock clock;
    MetricsRegistry m(clock);
    m.counter(u"webhook.requests"_s, u"Webhook POSTs\nreceived \\ accepted"_s).add(12);
    m.gauge(u"queue.depth"_s, u"Messages waiting"_s).set(-2.25);
    m.gauge(u"startup.graph_ms"_s).set(1e-7);
    LatencyHistogram &h = m.histogram(u"search.latency"_s, u"Search time"_s);
    for (int i = 1; i <= 1000; ++i)
        h.record(qint64(i) * 1000); // 1 µs .. 1 ms
    m.series(u"messages"_s).add(); // series are not exported

    const Exposition e = parse(m.prometheusText());
    QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));
    QCOMPARE(e.types.value(u"m1_webhook_requests_total"_s), u"counter"_s);
    QCOMPARE(e.samples.value(u"m1_webhook_requests_total"_s), 12.0);
    QCOMPARE(e.help.value(u"m1_webhook_requests_total"_s), u"Webhook POSTs\\nreceived \\\\ accepted"_s);
    QCOMPARE(e.types.value(u"m1_queue_depth"_s), u"gauge"_s);
    QCOMPARE(e.samples.value(u"m1_queue_depth"_s), -2.25);
    QCOMPARE(e.samples.value(u"m1_startup_graph_ms"_s), 1e-7);
    QCOMPARE(e.types.value(u"m1_search_latency_seconds"_s), u"summary"_s);
    QCOMPARE(e.samples.value(u"m1_search_latency_seconds_count"_s), 1000.0);
    QVERIFY(std::abs(e.samples.value(u"m1_search_latency_seconds_sum"_s) - 0.5005) < 1e-12);
    const double p50 = e.samples.value(u"m1_search_latency_seconds{quantile=\"0.5\"}"_s);
    const double p90 = e.samples.value(u"m1_search_latency_seconds{quantile=\"0.9\"}"_s);
    const double p99 = e.samples.value(u"m1_search_latency_seconds{quantile=\"0.99\"}"_s);
    QVERIFY2(std::abs(p50 - 500e-6) <= 500e-6 / 128, qPrintable(QString::number(p50)));
    QVERIFY2(std::abs(p90 - 900e-6) <= 900e-6 / 128, qPrintable(QString::number(p90)));
    QVERIFY2(std::abs(p99 - 990e-6) <= 990e-6 / 128, qPrintable(QString::number(p99)));
    for (const QString &family : e.types.keys())
        QVERIFY(!family.contains(u"messages"));
    QCOMPARE(e.samples.size(), 1 + 2 + 5);
}

void TestMetricsRegistry::emptySummaryAndCollisions()
{
    ManualClock clock;
    MetricsRegistry m(clock);
    m.histogram(u"idle"_s);
    m.gauge(u"a.b"_s).set(1);
    m.gauge(u"a_b"_s).set(2); // sanitises to the same name as a.b
    const QString text = m.prometheusText();
    const Exposition e = parse(text);
    QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));
    QVERIFY(std::isnan(e.samples.value(u"m1_idle_seconds{quantile=\"0.5\"}"_s)));
    QCOMPARE(e.samples.value(u"m1_idle_seconds_count"_s), 0.0);
    QCOMPARE(e.samples.value(u"m1_a_b"_s), 1.0); // "a.b" sorts first and wins
    QCOMPARE(e.comments.size(), 1);
    QVERIFY(e.comments.first().contains(u"a_b"));
}

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"
