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

// Adds one row's (or one delta's) counts to its tool's total and its user's successes: how the
// mirror is built on load and kept up to date afterwards.
void addCounts(const ToolEvaluation &row, QHash<QString, ToolEvaluation> &tools,
               UserSuccessCounts &users)
{
    ToolEvaluation &total = tools[row.toolId];
    total.toolId = row.toolId;
    total.successes += row.successes;
    total.failures += row.failures;
    total.corrections += row.corrections;
    users.add(row.phone, row.toolId, row.successes);
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
    UserSuccessCounts users;
    // One row per (tool, phone), the table's primary key: adding a user's successes is setting.
    for (const ToolEvaluation &row : rows)
        addCounts(row, tools, users);
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
    addCounts(delta, m_tools, m_userSuccesses);
    m_version.fetch_add(1, std::memory_order_release);
}

void SqlUsageStats::forEachUserSuccess(
    const QString &userPhone, const std::function<void(const QString &, quint32)> &visit) const
{
    QReadLocker lock(&m_lock);
    m_userSuccesses.forEach(userPhone, visit);
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
