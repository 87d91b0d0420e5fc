#pragma once

// How long each start-up phase took (parse, embed, graph, index, and their total), in
// milliseconds. Phases are recorded from whichever thread ran them; each one is also published
// as the gauge "startup.<phase>_ms" so /metrics and the console's charts see it.
// "total" is the sum of the recorded phases unless it is recorded explicitly (wall time
// including gaps between phases, say); from then on the explicit value is kept.

#include "core/metricsregistry.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QStringList>

namespace m1 {

class StartupPhases
{
public:
    explicit StartupPhases(MetricsRegistry &metrics);
    StartupPhases(const StartupPhases &) = delete;
    StartupPhases &operator=(const StartupPhases &) = delete;

    // The phases `m1bot bench` reports, in order.
    static QStringList standardPhases();

    // Recording a phase again replaces its value (a reload re-times every phase).
    void record(const QString &phase, double ms);
    // 0 when the phase was not recorded.
    double ms(const QString &phase) const;
    bool has(const QString &phase) const;
    // {"parse": 12.5, "graph": 0.8, ..., "total": 13.3}: recorded phases only, plus total.
    QJsonObject toJson() const;

private:
    double derivedTotalLocked() const;

    MetricsRegistry &m_metrics;
    mutable QMutex m_mutex;
    QHash<QString, double> m_ms;
    bool m_explicitTotal = false;
};

} // namespace m1
