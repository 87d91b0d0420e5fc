#include "store/sqlbulkinsert.h"

#include "store/sqlstatement.h"

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Rows per statement: 100 keeps a 7-column insert at 700 parameters, under SQLite's historic
// limit of 999 (and far under PostgreSQL's 65,535).
constexpr int kChunk = 100;

} // namespace

SqlBulkInsert::SqlBulkInsert(QString table, QStringList columns, QString suffix, QString what)
    : m_table(std::move(table))
    , m_columns(std::move(columns))
    , m_suffix(std::move(suffix))
    , m_what(std::move(what))
{
}

QString SqlBulkInsert::sql(int rows) const
{
    QString row = u"("_s;
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        row += i == 0 ? u"?"_s : u", ?"_s;
    row += u')';
    QString sql = u"INSERT INTO "_s + m_table + u" ("_s + m_columns.join(u", "_s) + u") VALUES "_s;
    sql.reserve(sql.size() + rows * (row.size() + 2) + m_suffix.size() + 1);
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql += u", "_s;
        sql += row;
    }
    if (!m_suffix.isEmpty())
        sql += u' ' + m_suffix;
    return sql;
}

QString SqlBulkInsert::run(const QSqlDatabase &db, const QList<QVariantList> &rows,
                           int *inserted) const
{
    int added = 0;
    QString error;
    SqlStatement full(db); // prepared once, reused for every full chunk
    bool fullPrepared = false;
    for (qsizetype start = 0; start < rows.size(); start += kChunk) {
        const int count = int(std::min<qsizetype>(kChunk, rows.size() - start));
        QVariantList values;
        values.reserve(count * m_columns.size());
        for (int i = 0; i < count; ++i)
            values += rows.at(start + i);
        const QString what = m_what + u" ("_s + QString::number(count) + u" rows)"_s;
        if (count == kChunk) {
            if (!fullPrepared && !full.prepare(sql(count), what, &error))
                return error;
            fullPrepared = true;
            if (!full.exec(values, &error))
                return error;
            added += std::max(0, full.rowsAffected());
        } else {
            SqlStatement tail(db);
            if (!tail.prepare(sql(count), what, &error) || !tail.exec(values, &error))
                return error;
            added += std::max(0, tail.rowsAffected());
        }
    }
    if (inserted)
        *inserted = added;
    return {};
}

} // namespace m1
