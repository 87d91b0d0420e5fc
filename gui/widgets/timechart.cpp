#include "widgets/timechart.h"

#include "widgets/chartpalette.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace m1 {

TimeChart::TimeChart(const QString &title, const QString &unit, const QStringList &seriesNames, QWidget *parent)
    : QChartView(parent)
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(4);
    m_valueAxis->setTitleText(unit);
    m_valueAxis->setLabelFormat(QStringLiteral("%.3g"));
    m_valueAxis->setRange(0, 1);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);
    for (const QString &name : seriesNames) {
        auto *series = new QLineSeries;
        series->setName(name);
        chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
        m_series.append(series);
    }
    // QChartView starts with a chart of its own, which setChart() releases without deleting.
    QChart *placeholder = this->chart();
    setChart(chart);
    delete placeholder;
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(260, 200);
    applyPalette();
}

void TimeChart::setPoints(int series, const QList<QPointF> &points)
{
    if (series < 0 || series >= m_series.size())
        return;
    // Markers only while points are few: a lone point between gaps has no line to show it.
    m_series.at(series)->setPointsVisible(points.size() <= 60);
    m_series.at(series)->replace(points);
    fitValueAxis();
}

qsizetype TimeChart::pointCount(int series) const
{
    return series >= 0 && series < m_series.size() ? m_series.at(series)->count() : 0;
}

void TimeChart::setTimeRange(qint64 fromMs, qint64 toMs)
{
    // Short windows read best with seconds on the axis.
    m_timeAxis->setFormat(toMs - fromMs <= 10 * 60 * 1000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(std::max(toMs, fromMs + 1000)));
}

void TimeChart::fitValueAxis()
{
    double top = 0;
    for (const QLineSeries *series : std::as_const(m_series)) {
        const QList<QPointF> points = series->points();
        for (const QPointF &p : points)
            top = std::max(top, p.y());
    }
    // Headroom above the highest point, and a visible range when everything is zero.
    m_valueAxis->setRange(0, top > 0 ? top * 1.1 : 1.0);
    m_valueAxis->applyNiceNumbers();
    // Whole numbers once they are large: "12500" reads better than "1.25e+04".
    m_valueAxis->setLabelFormat(top >= 100 ? QStringLiteral("%.0f") : QStringLiteral("%.3g"));
}

void TimeChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QChartView::changeEvent(event);
}

void TimeChart::applyPalette()
{
    ChartPalette::apply(chart(), palette());
}

} // namespace m1
