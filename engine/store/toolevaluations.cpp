#include "store/toolevaluations.h"

#include "core/clock.h"
#include "store/sqldatabase.h"
#include "store/sqlstatement.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace m1 {

ToolEvaluations::ToolEvaluations(const SqlDatabase &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

QString ToolEvaluations::incrementIn(const QSqlDatabase &db, const QList<ToolEvaluation> &deltas,
                                     qint64 nowMs)
{
    // Summed per row so a batch touches each (tool, phone) once, in first-seen order.
    QList<ToolEvaluation> rows;
    QHash<std::pair<QString, QString>, qsizetype> index;
    for (const ToolEvaluation &delta : deltas) {
        if (delta.toolId.isEmpty())
            return u"cannot record an evaluation without a tool id"_s;
        if (delta.isZero())
            continue;
        const auto key = std::make_pair(delta.toolId, delta.phone);
        const auto found = index.constFind(key);
        if (found == index.constEnd()) {
            index.insert(key, rows.size());
            rows.append(delta);
        } else {
            ToolEvaluation &row = rows[*found];
            row.successes += delta.successes;
            row.failures += delta.failures;
            row.corrections += delta.corrections;
        }
    }
    if (rows.isEmpty())
        return {};
    QString error;
    SqlStatement upsert(db);
    if (!upsert.prepare(
            u"INSERT INTO tool_evaluations (tool_id, phone, successes, failures, corrections, "
            u"updated_at_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tool_id, phone) DO UPDATE SET "
            u"successes = tool_evaluations.successes + excluded.successes, "
            u"failures = tool_evaluations.failures + excluded.failures, "
            u"corrections = tool_evaluations.corrections + excluded.corrections, "
            u"updated_at_ms = excluded.updated_at_ms"_s,
            u"record tool evaluations"_s, &error))
        return error;
    for (const ToolEvaluation &row : std::as_const(rows)) {
        if (!upsert.exec(
                { row.toolId, row.phone, row.successes, row.failures, row.corrections, nowMs },
                &error))
            return error;
    }
    return {};
}

QString ToolEvaluations::increment(const QList<ToolEvaluation> &deltas) const
{
    if (deltas.isEmpty())
        return {};
    const qint64 now = m_clock.nowMs();
    return m_db.write([&](const QSqlDatabase &db) { return incrementIn(db, deltas, now); });
}

std::optional<ToolEvaluation> ToolEvaluations::sum(const QString &sql, const QVariantList &values,
                                                   const QString &toolId, const QString &phone,
                                                   QString *error) const
{
    ToolEvaluation counts { toolId, phone, 0, 0, 0 };
    *error = m_db.read([&](const QSqlDatabase &db) {
        QString failed;
        SqlStatement select(db);
        if (!select.prepare(sql, u"read the evaluations of "_s + toolId, &failed)
            || !select.exec(values, &failed))
            return failed;
        if (select.next()) {
            counts.successes = select.value(0).toLongLong();
            counts.failures = select.value(1).toLongLong();
            counts.corrections = select.value(2).toLongLong();
        }
        return QString();
    });
    if (!error->isEmpty())
        return std::nullopt;
    return counts;
}

std::optional<ToolEvaluation> ToolEvaluations::totals(const QString &toolId, QString *error) const
{
    return sum(u"SELECT COALESCE(SUM(successes), 0), COALESCE(SUM(failures), 0), "
               u"COALESCE(SUM(corrections), 0) FROM tool_evaluations WHERE tool_id = ?"_s,
               { toolId }, toolId, QString(), error);
}

std::optional<ToolEvaluation> ToolEvaluations::forUser(const QString &toolId, const QString &phone,
                                                       QString *error) const
{
    return sum(u"SELECT successes, failures, corrections FROM tool_evaluations "
               u"WHERE tool_id = ? AND phone = ?"_s,
               { toolId, phone }, toolId, phone, error);
}

QList<ToolEvaluation> ToolEvaluations::all(QString *error) const
{
    QList<ToolEvaluation> rows;
    *error = m_db.read([&](const QSqlDatabase &db) {
        rows.clear();
        QString failed;
        SqlStatement select(db);
        if (!select.run(u"SELECT tool_id, phone, successes, failures, corrections "
                        u"FROM tool_evaluations ORDER BY tool_id, phone"_s,
                        u"read the tool evaluations"_s, &failed))
            return failed;
        while (select.next())
            rows.append({ select.value(0).toString(), select.value(1).toString(),
                          select.value(2).toLongLong(), select.value(3).toLongLong(),
                          select.value(4).toLongLong() });
        return QString();
    });
    return rows;
}

} // namespace m1
