#pragma once

// UsageStats held in memory (lost on restart): the default until the SQL store provides a
// persistent one, and the one tests and the benchmark use.

#include "search/usagestats.h"
#include "search/usersuccesscounts.h"

#include <QHash>
#include <QReadWriteLock>

#include <atomic>

namespace m1 {

class InMemoryUsageStats final : public UsageStats
{
public:
    void recordOutcome(const QString &userPhone, const QString &toolId, bool success) override;
    void
    forEachUserSuccess(const QString &userPhone,
                       const std::function<void(const QString &, quint32)> &visit) const override;
    Outcomes toolOutcomes(const QString &toolId) const override;
    quint64 version() const override { return m_version.load(std::memory_order_acquire); }

private:
    mutable QReadWriteLock m_lock;
    UserSuccessCounts m_userSuccesses;
    QHash<QString, Outcomes> m_tools;
    std::atomic<quint64> m_version { 0 };
};

} // namespace m1
