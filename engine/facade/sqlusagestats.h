#pragma once

// The search's UsageStats backed by the tool_evaluations table: outcomes survive restarts and
// are shared by every m1bot on one database. Reads (the scorer's evaluation adjustment and user
// boost, on every search) come from an in-memory mirror; a write updates the mirror at once
// and queues the increment on the batch writer, so neither side touches SQL on the message
// path. load() fills the mirror from the table (at start, or to pick up other processes' counts).
//
// A correction ("not that one") counts against the tool like a failure in toolOutcomes().

#include "search/usagestats.h"
#include "search/usersuccesscounts.h"
#include "store/toolevaluation.h"

#include <QHash>
#include <QReadWriteLock>

#include <atomic>

namespace m1 {

class SqlBatchWriter;
class ToolEvaluations;

class SqlUsageStats final : public UsageStats
{
public:
    SqlUsageStats(const ToolEvaluations &table, SqlBatchWriter &writer);

    // Replaces the mirror with the table (after flushing this process's queued increments).
    // "" or what went wrong (the mirror is then left as it was).
    QString load();

    void recordOutcome(const QString &userPhone, const QString &toolId, bool success) override;
    void recordCorrection(const QString &userPhone, const QString &toolId);
    void
    forEachUserSuccess(const QString &userPhone,
                       const std::function<void(const QString &, quint32)> &visit) const override;
    Outcomes toolOutcomes(const QString &toolId) const override;
    quint64 version() const override { return m_version.load(std::memory_order_acquire); }

    // The mirror's totals for one tool, corrections included.
    ToolEvaluation totals(const QString &toolId) const;

private:
    void apply(const ToolEvaluation &delta);

    const ToolEvaluations &m_table;
    SqlBatchWriter &m_writer;
    mutable QReadWriteLock m_lock;
    QHash<QString, ToolEvaluation> m_tools;
    UserSuccessCounts m_userSuccesses;
    std::atomic<quint64> m_version { 0 };
};

} // namespace m1
