#include "search/inmemoryusagestats.h"

namespace m1 {

void InMemoryUsageStats::recordOutcome(const QString &userPhone, const QString &toolId,
                                       bool success)
{
    QWriteLocker lock(&m_lock);
    Outcomes &outcomes = m_tools[toolId];
    if (success) {
        ++outcomes.successes;
        if (!userPhone.isEmpty())
            ++m_userSuccesses[userPhone][toolId];
    } else {
        ++outcomes.failures;
    }
    m_version.fetch_add(1, std::memory_order_release);
}

void InMemoryUsageStats::forEachUserSuccess(
    const QString &userPhone, const std::function<void(const QString &, quint32)> &visit) const
{
    QReadLocker lock(&m_lock);
    const auto user = m_userSuccesses.constFind(userPhone);
    if (user == m_userSuccesses.constEnd())
        return;
    for (auto it = user->constBegin(); it != user->constEnd(); ++it)
        visit(it.key(), it.value());
}

UsageStats::Outcomes InMemoryUsageStats::toolOutcomes(const QString &toolId) const
{
    QReadLocker lock(&m_lock);
    return m_tools.value(toolId);
}

} // namespace m1
