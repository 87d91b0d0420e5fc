#include "core/startupphases.h"

#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {
const QString kTotal = u"total"_s;

QString gaugeName(const QString &phase)
{
    return u"startup." + phase + u"_ms";
}
} // namespace

StartupPhases::StartupPhases(MetricsRegistry &metrics)
    : m_metrics(metrics)
{
}

QStringList StartupPhases::standardPhases()
{
    return {u"parse"_s, u"embed"_s, u"graph"_s, u"index"_s, kTotal};
}

double StartupPhases::derivedTotalLocked() const
{
    double total = 0;
    for (auto it = m_ms.cbegin(); it != m_ms.cend(); ++it) {
        if (it.key() != kTotal)
            total += it.value();
    }
    return total;
}

void StartupPhases::record(const QString &phase, double ms)
{
    // The gauges are set under our lock too, so two phases finishing at once on two threads
    // cannot leave an older total in the gauge. (The registry never calls back into us.)
    QMutexLocker lock(&m_mutex);
    m_ms.insert(phase, ms);
    if (phase == kTotal)
        m_explicitTotal = true;
    else if (!m_explicitTotal)
        m_ms.insert(kTotal, derivedTotalLocked());
    m_metrics.gauge(gaugeName(phase), u"Start-up phase duration in milliseconds"_s).set(ms);
    if (phase != kTotal)
        m_metrics.gauge(gaugeName(kTotal), u"Start-up duration in milliseconds"_s).set(m_ms.value(kTotal));
}

double StartupPhases::ms(const QString &phase) const
{
    QMutexLocker lock(&m_mutex);
    return m_ms.value(phase, 0.0);
}

bool StartupPhases::has(const QString &phase) const
{
    QMutexLocker lock(&m_mutex);
    return m_ms.contains(phase);
}

QJsonObject StartupPhases::toJson() const
{
    QMutexLocker lock(&m_mutex);
    QJsonObject out;
    for (auto it = m_ms.cbegin(); it != m_ms.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

} // namespace m1
