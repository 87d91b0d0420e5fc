#pragma once

// The per-user success counts behind UsageStats::forEachUserSuccess, shared by every
// UsageStats implementation (in memory here, SQL-backed in facade). Header-only so the SQL
// adapters can use it while linking M1::Sql alone. Not locked: the owner guards it with the
// same lock as its per-tool totals, so a reader never sees one updated without the other.

#include <QHash>
#include <QString>

#include <algorithm>
#include <functional>
#include <limits>

namespace m1 {

class UserSuccessCounts
{
public:
    // Adds successes to (userPhone, toolId), saturating at the quint32 range instead of
    // wrapping. An empty phone (an anonymous caller) is not counted.
    void add(const QString &userPhone, const QString &toolId, qint64 successes)
    {
        if (userPhone.isEmpty() || successes <= 0)
            return;
        quint32 &count = m_counts[userPhone][toolId];
        count = quint32(std::clamp<qint64>(qint64(count) + successes, 0,
                                           std::numeric_limits<quint32>::max()));
    }

    // Calls visit(toolId, successes) for every tool this user ran successfully.
    void forEach(const QString &userPhone,
                 const std::function<void(const QString &, quint32)> &visit) const
    {
        const auto user = m_counts.constFind(userPhone);
        if (user == m_counts.constEnd())
            return;
        for (auto it = user->constBegin(); it != user->constEnd(); ++it)
            visit(it.key(), it.value());
    }

private:
    QHash<QString, QHash<QString, quint32>> m_counts;
};

} // namespace m1
