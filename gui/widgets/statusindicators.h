#pragma once

// The status bar's engine indicators: embedding provider, planner, webhook server, busy
// simulator workers and messages per second. Fed with values (settings, simulator status,
// metric snapshots); reads nothing from the engine itself.

#include "core/metricssnapshot.h"
#include "facade/simulatorstatus.h"

#include <QWidget>

class QLabel;

namespace m1 {

class StatusIndicators : public QWidget
{
    Q_OBJECT

public:
    explicit StatusIndicators(QWidget *parent = nullptr);

    // What the settings ask for ("local", "openai", "azure"; "rules", "llm").
    void setConfigured(const QString &embeddingProvider, const QString &planner);
    void setSimulatorStatus(const m1::SimulatorStatus &status);
    void addSnapshot(const m1::MetricsSnapshot &snapshot);

    QLabel *embedding() const { return m_embedding; }
    QLabel *planner() const { return m_planner; }
    QLabel *webhook() const { return m_webhook; }
    QLabel *workers() const { return m_workers; }
    QLabel *rate() const { return m_rate; }

private:
    QLabel *m_embedding;
    QLabel *m_planner;
    QLabel *m_webhook;
    QLabel *m_workers;
    QLabel *m_rate;
    MetricsSnapshot m_previous;
    bool m_hasPrevious = false;
};

} // namespace m1
