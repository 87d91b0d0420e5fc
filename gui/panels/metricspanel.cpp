#include "panels/metricspanel.h"

#include "widgets/chartpalette.h"
#include "widgets/timechart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace m1 {
namespace {

const QString kWindowKey = QStringLiteral("metrics/windowSeconds");
constexpr int kMaxPoints = 600; // per series: enough for any chart width, cheap to redraw

} // namespace

MetricsPanel::MetricsPanel(QWidget *parent)
    : QWidget(parent)
    , m_window(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_chartArea(new QWidget(this))
    , m_startup(new QChartView(m_chartArea))
    , m_startupSet(new QBarSet(tr("Milliseconds")))
    , m_startupCategories(new QBarCategoryAxis)
    , m_startupValues(new QValueAxis)
{
    setObjectName(QStringLiteral("metrics"));
    m_window->addItem(tr("Last 5 minutes"), 5 * 60);
    m_window->addItem(tr("Last hour"), 3600);
    m_window->addItem(tr("Last 24 hours"), 24 * 3600);
    m_window->setToolTip(tr("The time span the charts show"));

    auto *csv = new QPushButton(tr("Export &CSV…"), this);
    auto *png = new QPushButton(tr("Export &PNG…"), this);
    auto *bar = new QHBoxLayout;
    auto *windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_window);
    bar->addWidget(windowLabel);
    bar->addWidget(m_window);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1);
    bar->addWidget(csv);
    bar->addWidget(png);

    // Start-up phases: one bar per phase of the last load.
    auto *bars = new QBarSeries;
    bars->append(m_startupSet);
    auto *startupChart = new QChart;
    startupChart->setTitle(tr("Start-up phases"));
    startupChart->addSeries(bars);
    startupChart->addAxis(m_startupCategories, Qt::AlignBottom);
    startupChart->addAxis(m_startupValues, Qt::AlignLeft);
    bars->attachAxis(m_startupCategories);
    bars->attachAxis(m_startupValues);
    m_startupValues->setTitleText(tr("ms"));
    m_startupValues->setLabelFormat(QStringLiteral("%.4g"));
    startupChart->legend()->hide();
    startupChart->setMargins(QMargins(4, 4, 4, 4));
    // QChartView starts with a chart of its own, which setChart() releases without deleting.
    QChart *placeholder = m_startup->chart();
    m_startup->setChart(startupChart);
    delete placeholder;
    m_startup->setRenderHint(QPainter::Antialiasing);
    m_startup->setMinimumSize(260, 200);

    m_search = new TimeChart(tr("Search latency"), tr("µs"), {tr("p50"), tr("p99")}, m_chartArea);
    m_e2e = new TimeChart(tr("End-to-end latency"), tr("ms"),
                          {tr("p50 (queue to reply)"), tr("p99 (queue to reply)"), tr("p99 (turn)")}, m_chartArea);
    m_redisRate = new TimeChart(tr("Redis per second"), tr("per s"), {tr("commands"), tr("round trips")}, m_chartArea);
    m_redisPerMessage = new TimeChart(tr("Redis per message"), tr("per message"),
                                      {tr("commands"), tr("round trips")}, m_chartArea);
    m_calls = new TimeChart(tr("Model calls"), tr("per hour"), {tr("embedding"), tr("LLM")}, m_chartArea);
    m_memory = new TimeChart(tr("Memory"), tr("MiB"), {tr("resident (RSS)")}, m_chartArea);
    m_charts = {m_search, m_e2e, m_redisRate, m_redisPerMessage, m_calls, m_memory};

    auto *grid = new QGridLayout(m_chartArea);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_startup, 0, 0);
    grid->addWidget(m_search, 0, 1);
    grid->addWidget(m_e2e, 0, 2);
    grid->addWidget(m_redisRate, 1, 0);
    grid->addWidget(m_redisPerMessage, 1, 1);
    grid->addWidget(m_calls, 1, 2);
    grid->addWidget(m_memory, 2, 0, 1, 3);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_chartArea, 1);
    ChartPalette::apply(startupChart, palette());

    const int saved = QSettings().value(kWindowKey, 5 * 60).toInt();
    setWindowSeconds(saved);
    connect(m_window, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(kWindowKey, windowSeconds());
        refresh();
    });
    connect(csv, &QPushButton::clicked, this, [this] { chooseExportFile(false); });
    connect(png, &QPushButton::clicked, this, [this] { chooseExportFile(true); });
    m_summary->setText(tr("Waiting for the engine's first metrics…"));
}

int MetricsPanel::windowSeconds() const
{
    return m_window->currentData().toInt();
}

void MetricsPanel::setWindowSeconds(int seconds)
{
    const int index = m_window->findData(seconds);
    m_window->setCurrentIndex(index >= 0 ? index : 0);
}

void MetricsPanel::addSnapshot(const m1::MetricsSnapshot &snapshot)
{
    m_history.add(snapshot);
    // Hidden charts are not redrawn; showEvent catches up.
    if (isVisible())
        refresh();
}

QList<QPointF> MetricsPanel::pointsOf(const QList<MetricsSample> &samples, double MetricsSample::*field)
{
    QList<QPointF> points;
    points.reserve(samples.size());
    for (const MetricsSample &s : samples) {
        if (!std::isnan(s.*field))
            points.append(QPointF(double(s.timeMs), s.*field));
    }
    return points;
}

void MetricsPanel::refresh()
{
    refreshStartup();
    const QList<MetricsSample> samples = m_history.window(windowSeconds(), kMaxPoints);
    const qint64 end = m_history.newestMs();
    // The window, or less when the history is shorter: a young session fills the chart.
    const qint64 start = std::max(end - qint64(windowSeconds()) * 1000,
                                  std::min(m_history.oldestMs(), end - 10'000));
    for (TimeChart *chart : std::as_const(m_charts))
        chart->setTimeRange(start, end);
    m_search->setPoints(0, pointsOf(samples, &MetricsSample::searchP50Us));
    m_search->setPoints(1, pointsOf(samples, &MetricsSample::searchP99Us));
    m_e2e->setPoints(0, pointsOf(samples, &MetricsSample::e2eP50Ms));
    m_e2e->setPoints(1, pointsOf(samples, &MetricsSample::e2eP99Ms));
    m_e2e->setPoints(2, pointsOf(samples, &MetricsSample::turnP99Ms));
    m_redisRate->setPoints(0, pointsOf(samples, &MetricsSample::redisCommandsPerSecond));
    m_redisRate->setPoints(1, pointsOf(samples, &MetricsSample::redisRoundTripsPerSecond));
    m_redisPerMessage->setPoints(0, pointsOf(samples, &MetricsSample::redisCommandsPerMessage));
    m_redisPerMessage->setPoints(1, pointsOf(samples, &MetricsSample::redisRoundTripsPerMessage));
    m_calls->setPoints(0, pointsOf(samples, &MetricsSample::embeddingCallsPerHour));
    m_calls->setPoints(1, pointsOf(samples, &MetricsSample::llmCallsPerHour));
    m_memory->setPoints(0, pointsOf(samples, &MetricsSample::rssMiB));

    if (samples.isEmpty())
        return;
    const MetricsSample &last = samples.constLast();
    QStringList parts;
    if (!std::isnan(last.rssMiB))
        parts.append(tr("RSS %1 MiB").arg(last.rssMiB, 0, 'f', 1));
    parts.append(tr("%1 messages/s").arg(last.messagesPerSecond, 0, 'f', 1));
    if (!std::isnan(last.searchP99Us))
        parts.append(tr("search p99 %1 µs").arg(last.searchP99Us, 0, 'f', 0));
    parts.append(tr("%n sample(s) kept", nullptr, int(m_history.size())));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}

void MetricsPanel::refreshStartup()
{
    const QList<QPair<QString, double>> phases = m_history.startupPhases();
    QStringList names;
    QList<double> values;
    for (const auto &[name, ms] : phases) {
        names.append(name);
        values.append(ms);
    }
    if (names != m_shownPhases) {
        m_startupCategories->clear();
        m_startupCategories->append(names);
        m_shownPhases = names;
    }
    if (m_startupSet->count() != values.size()) {
        m_startupSet->remove(0, m_startupSet->count());
        m_startupSet->append(values);
    } else {
        for (int i = 0; i < values.size(); ++i) {
            if (m_startupSet->at(i) != values.at(i))
                m_startupSet->replace(i, values.at(i));
        }
    }
    double top = 0;
    for (double v : std::as_const(values))
        top = std::max(top, v);
    m_startupValues->setRange(0, top > 0 ? top * 1.1 : 1.0);
    m_startupValues->applyNiceNumbers();
}

QString MetricsPanel::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(m_history.toCsv(windowSeconds()).toUtf8());
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QString MetricsPanel::exportPng(const QString &path)
{
    refresh();
    if (!m_chartArea->grab().save(path, "PNG"))
        return tr("Cannot write the picture %1.").arg(path);
    return {};
}

void MetricsPanel::chooseExportFile(bool png)
{
    // A window-modal dialog opened with open(): no nested event loop.
    auto *dialog = new QFileDialog(this, png ? tr("Export charts as PNG") : tr("Export metrics as CSV"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(png ? QStringLiteral("png") : QStringLiteral("csv"));
    dialog->selectFile(png ? QStringLiteral("m1-metrics.png") : QStringLiteral("m1-metrics.csv"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, png](const QString &path) {
        const QString error = png ? exportPng(path) : exportCsv(path);
        if (!error.isEmpty()) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export"), error, QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });
    dialog->open();
}

void MetricsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void MetricsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        ChartPalette::apply(m_startup->chart(), palette());
    QWidget::changeEvent(event);
}

} // namespace m1
