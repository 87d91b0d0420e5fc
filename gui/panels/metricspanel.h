#pragma once

// Metrics: the engine's start-up phases, search and end-to-end latency, Redis traffic, model
// calls and memory as charts over a chosen time window, from the snapshots the engine sends
// every second (kept here in a bounded history). Exports the window as CSV and the charts as PNG.

#include "models/metricshistory.h"

#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChartView;
class QComboBox;
class QLabel;
class QValueAxis;

namespace m1 {

class TimeChart;

class MetricsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MetricsPanel(QWidget *parent = nullptr);

    void addSnapshot(const m1::MetricsSnapshot &snapshot);
    const MetricsHistory &history() const { return m_history; }

    int windowSeconds() const;
    void setWindowSeconds(int seconds);
    // Both return "" or what went wrong, in words for a message box.
    QString exportCsv(const QString &path) const;
    QString exportPng(const QString &path);
    QList<TimeChart *> charts() const { return m_charts; }

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void refreshStartup();
    void chooseExportFile(bool png);
    static QList<QPointF> pointsOf(const QList<MetricsSample> &samples, double MetricsSample::*field);

    MetricsHistory m_history;
    QComboBox *m_window;
    QLabel *m_summary;
    QWidget *m_chartArea;
    QChartView *m_startup;
    QBarSet *m_startupSet;
    QBarCategoryAxis *m_startupCategories;
    QValueAxis *m_startupValues;
    TimeChart *m_search;
    TimeChart *m_e2e;
    TimeChart *m_redisRate;
    TimeChart *m_redisPerMessage;
    TimeChart *m_calls;
    TimeChart *m_memory;
    QList<TimeChart *> m_charts;
    QStringList m_shownPhases;
};

} // namespace m1
