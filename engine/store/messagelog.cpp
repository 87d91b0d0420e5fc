#include "store/messagelog.h"

#include "store/sqldatabase.h"
#include "store/sqlstatement.h"

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Rows per INSERT: one round trip per chunk instead of per row on PostgreSQL, and well under
// SQLite's bound-parameter limit (7 per row).
constexpr int kChunk = 100;

QString insertSql(int rows)
{
    QString sql = u"INSERT INTO message_log (message_id, phone, direction, text, tool_id, "
                  u"latency_ms, time_ms) VALUES "_s;
    sql.reserve(sql.size() + rows * 24 + 40);
    for (int i = 0; i < rows; ++i)
        sql += i == 0 ? u"(?, ?, ?, ?, ?, ?, ?)"_s : u", (?, ?, ?, ?, ?, ?, ?)"_s;
    sql += u" ON CONFLICT (message_id) DO NOTHING"_s;
    return sql;
}

} // namespace

MessageLog::MessageLog(const SqlDatabase &db)
    : m_db(db)
{
}

QString MessageLog::insertInto(const QSqlDatabase &db, const QList<MessageLogEntry> &entries,
                               int *inserted)
{
    int added = 0;
    QString error;
    SqlStatement full(db);
    bool fullPrepared = false;
    for (qsizetype start = 0; start < entries.size(); start += kChunk) {
        const int rows = int(std::min<qsizetype>(kChunk, entries.size() - start));
        QVariantList values;
        values.reserve(rows * 7);
        for (int i = 0; i < rows; ++i) {
            const MessageLogEntry &e = entries.at(start + i);
            if (e.messageId.isEmpty() || e.phone.isEmpty())
                return u"cannot log a message without a message id and a phone (entry "_s
                    + QString::number(start + i + 1) + u" of "_s + QString::number(entries.size())
                    + u')';
            values << e.messageId << e.phone << MessageLogEntry::directionName(e.direction)
                   << e.text << e.toolId << e.latencyMs << e.timeMs;
        }
        const QString what = u"log "_s + QString::number(rows) + u" messages"_s;
        if (rows == kChunk) {
            if (!fullPrepared && !full.prepare(insertSql(rows), what, &error))
                return error;
            fullPrepared = true;
            if (!full.exec(values, &error))
                return error;
            added += std::max(0, full.rowsAffected());
        } else {
            SqlStatement tail(db);
            if (!tail.prepare(insertSql(rows), what, &error) || !tail.exec(values, &error))
                return error;
            added += std::max(0, tail.rowsAffected());
        }
    }
    if (inserted)
        *inserted = added;
    return {};
}

QString MessageLog::append(const QList<MessageLogEntry> &entries, int *inserted) const
{
    if (entries.isEmpty()) {
        if (inserted)
            *inserted = 0;
        return {};
    }
    return m_db.write([&](const QSqlDatabase &db) { return insertInto(db, entries, inserted); });
}

QList<MessageLogEntry> MessageLog::query(const MessageLogQuery &query, QString *error) const
{
    QList<MessageLogEntry> entries;
    error->clear();
    if (query.limit <= 0)
        return entries;
    QString sql = u"SELECT message_id, phone, direction, text, tool_id, latency_ms, time_ms "
                  u"FROM message_log WHERE "_s;
    QVariantList values;
    if (!query.phone.isEmpty()) {
        sql += u"phone = ? AND "_s;
        values << query.phone;
    }
    sql += u"time_ms >= ? AND time_ms < ? ORDER BY time_ms DESC, id DESC LIMIT ?"_s;
    values << query.fromMs << query.toMs << query.limit;
    *error = m_db.read([&](const QSqlDatabase &db) {
        entries.clear();
        QString failed;
        SqlStatement select(db);
        if (!select.prepare(sql, u"read the message log"_s, &failed)
            || !select.exec(values, &failed))
            return failed;
        while (select.next()) {
            MessageLogEntry e;
            e.messageId = select.value(0).toString();
            e.phone = select.value(1).toString();
            e.direction = MessageLogEntry::directionFromName(select.value(2).toString());
            e.text = select.value(3).toString();
            e.toolId = select.value(4).toString();
            e.latencyMs = select.value(5).toInt();
            e.timeMs = select.value(6).toLongLong();
            entries.append(std::move(e));
        }
        return QString();
    });
    return entries;
}

qint64 MessageLog::count(const QString &phone, QString *error) const
{
    qint64 n = -1;
    *error = m_db.read([&](const QSqlDatabase &db) {
        QString failed;
        SqlStatement select(db);
        const bool ok = phone.isEmpty()
            ? select.run(u"SELECT COUNT(*) FROM message_log"_s, u"count logged messages"_s, &failed)
            : select.prepare(u"SELECT COUNT(*) FROM message_log WHERE phone = ?"_s,
                             u"count logged messages"_s, &failed)
                && select.exec({ phone }, &failed);
        if (!ok)
            return failed;
        n = select.next() ? select.value(0).toLongLong() : 0;
        return QString();
    });
    return error->isEmpty() ? n : -1;
}

} // namespace m1
