#include "facade/sqlusagestats.h"

#include "store/sqlbatchwriter.h"
#include "store/toolevaluations.h"

#include <algorithm>
#include <limits>

namespace m1 {

namespace {

quint32 clamp32(qint64 n)
{
    return quint32(std::clamp<qint64>(n, 0, std::numeric_limits<quint32>::max()));
}

} // namespace

SqlUsageStats::SqlUsageStats(const ToolEvaluations &table, SqlBatchWriter &writer)
    : m_table(table)
    , m_writer(writer)
{
}

QString SqlUsageStats::load()
{
    m_writer.flush(10'000);
    QString error;
    const QList<ToolEvaluation> rows = m_table.all(&error);
    if (!error.isEmpty())
        return error;
    QHash<QString, ToolEvaluation> tools;
    QHash<QString, QHash<QString, quint32>> users;
    for (const ToolEvaluation &row : rows) {
        ToolEvaluation &total = tools[row.toolId];
        total.toolId = row.toolId;
        total.successes += row.successes;
        total.failures += row.failures;
        total.corrections += row.corrections;
        if (!row.phone.isEmpty() && row.successes > 0)
            users[row.phone][row.toolId] = clamp32(row.successes);
    }
    QWriteLocker lock(&m_lock);
    m_tools = std::move(tools);
    m_userSuccesses = std::move(users);
    m_version.fetch_add(1, std::memory_order_release);
    return {};
}

void SqlUsageStats::recordOutcome(const QString &userPhone, const QString &toolId, bool success)
{
    ToolEvaluation delta { toolId, userPhone, success ? 1 : 0, success ? 0 : 1, 0 };
    apply(delta);
    m_writer.recordEvaluation(std::move(delta));
}

void SqlUsageStats::recordCorrection(const QString &userPhone, const QString &toolId)
{
    ToolEvaluation delta { toolId, userPhone, 0, 0, 1 };
    apply(delta);
    m_writer.recordEvaluation(std::move(delta));
}

void SqlUsageStats::apply(const ToolEvaluation &delta)
{
    if (delta.toolId.isEmpty())
        return;
    QWriteLocker lock(&m_lock);
    ToolEvaluation &total = m_tools[delta.toolId];
    total.toolId = delta.toolId;
    total.successes += delta.successes;
    total.failures += delta.failures;
    total.corrections += delta.corrections;
    if (delta.successes > 0 && !delta.phone.isEmpty()) {
        quint32 &count = m_userSuccesses[delta.phone][delta.toolId];
        count = clamp32(qint64(count) + delta.successes);
    }
    m_version.fetch_add(1, std::memory_order_release);
}

void SqlUsageStats::forEachUserSuccess(
    const QString &userPhone, const std::function<void(const QString &, quint32)> &visit) const
{
    QReadLocker lock(&m_lock);
    const auto user = m_userSuccesses.constFind(userPhone);
    if (user == m_userSuccesses.constEnd())
        return;
    for (auto it = user->constBegin(); it != user->constEnd(); ++it)
        visit(it.key(), it.value());
}

UsageStats::Outcomes SqlUsageStats::toolOutcomes(const QString &toolId) const
{
    QReadLocker lock(&m_lock);
    const ToolEvaluation total = m_tools.value(toolId);
    return { clamp32(total.successes), clamp32(total.failures + total.corrections) };
}

ToolEvaluation SqlUsageStats::totals(const QString &toolId) const
{
    QReadLocker lock(&m_lock);
    ToolEvaluation total = m_tools.value(toolId);
    total.toolId = toolId;
    return total;
}

} // namespace m1
