#pragma once

// The tool_evaluations table: per (tool, phone) counters of successes, failures and
// corrections, incremented atomically by an upsert (concurrent writers never lose a count).
// Rows with an empty phone hold outcomes not tied to a user; a tool's totals sum all its rows.

#include "store/toolevaluation.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace m1 {

class Clock;
class SqlDatabase;

class ToolEvaluations
{
public:
    ToolEvaluations(const SqlDatabase &db, const Clock &clock);

    // Adds every delta in one transaction.
    QString increment(const QList<ToolEvaluation> &deltas) const;
    // The tool's counts summed over every phone (zeros when never recorded); nullopt with *error.
    std::optional<ToolEvaluation> totals(const QString &toolId, QString *error) const;
    // One tool for one phone; zeros when never recorded.
    std::optional<ToolEvaluation> forUser(const QString &toolId, const QString &phone,
                                          QString *error) const;
    // Every row (tool, phone), for caches that mirror the table.
    QList<ToolEvaluation> all(QString *error) const;

    // The increment on a connection already inside a transaction (the batch writer's).
    // Deltas for the same (tool, phone) are summed first, so each row is written once.
    static QString incrementIn(const QSqlDatabase &db, const QList<ToolEvaluation> &deltas,
                               qint64 nowMs);

private:
    std::optional<ToolEvaluation> sum(const QString &sql, const QVariantList &values,
                                      const QString &toolId, const QString &phone,
                                      QString *error) const;

    const SqlDatabase &m_db;
    const Clock &m_clock;
};

} // namespace m1
