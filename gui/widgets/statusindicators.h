#pragma once

// The status bar's engine indicators: the embedding provider and planner that run, the webhook
// server, busy simulator workers and messages per second. Fed with values (model and webhook
// status, simulator status, metric snapshots); reads nothing from the engine itself.

#include "core/metricssnapshot.h"
#include "facade/modelstatus.h"
#include "facade/simulatorstatus.h"
#include "facade/webhookstatus.h"

#include <QWidget>

class QLabel;

namespace m1 {

class StatusIndicators : public QWidget
{
    Q_OBJECT

public:
    explicit StatusIndicators(QWidget *parent = nullptr);

    // What the engine runs, and what it did not apply (a warning sign, the reason as tooltip).
    void setModelStatus(const m1::ModelStatus &status);
    void setWebhookStatus(const m1::WebhookStatus &status);
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
    QString m_searchIndex; // "384-d vectors, exact index", from the simulator
    ModelStatus m_models;
    MetricsSnapshot m_previous;
    bool m_hasPrevious = false;
};

} // namespace m1
