#pragma once

// A line chart over wall-clock time with a few named series and one value axis, coloured from
// the widget's palette so it follows the system's light or dark theme.

#include <QChartView>
#include <QList>
#include <QPointF>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace m1 {

class TimeChart : public QChartView
{
    Q_OBJECT

public:
    TimeChart(const QString &title, const QString &unit, const QStringList &seriesNames,
              QWidget *parent = nullptr);

    // Points are (Unix ms, value); the axes fit the data (y from 0).
    void setPoints(int series, const QList<QPointF> &points);
    void setTimeRange(qint64 fromMs, qint64 toMs);
    int seriesCount() const { return int(m_series.size()); }
    qsizetype pointCount(int series) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void fitValueAxis();

    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QList<QLineSeries *> m_series;
};

} // namespace m1
