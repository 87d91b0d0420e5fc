#include "search/inmemoryusagestats.h"

namespace m1 {

void InMemoryUsageStats::recordOutcome(const QString &userPhone, const QString &toolId,
                                       bool success)
{
    QWriteLocker lock(&m_lock);
    Outcomes &outcomes = m_tools[toolId];
    if (success) {
        ++outcomes.successes;
        m_userSuccesses.add(userPhone, toolId, 1);
    } else {
        ++outcomes.failures;
    }
    m_version.fetch_add(1, std::memory_order_release);
}

void InMemoryUsageStats::forEachUserSuccess(
    const QString &userPhone, const std::function<void(const QString &, quint32)> &visit) const
{
    QReadLocker lock(&m_lock);
    m_userSuccesses.forEach(userPhone, visit);
}

UsageStats::Outcomes InMemoryUsageStats::toolOutcomes(const QString &toolId) const
{
    QReadLocker lock(&m_lock);
    return m_tools.value(toolId);
}

} // namespace m1
