#include "store/messagelog.h"

#include "store/sqlbulkinsert.h"
#include "store/sqldatabase.h"
#include "store/sqlstatement.h"

using namespace Qt::StringLiterals;

namespace m1 {

MessageLog::MessageLog(const SqlDatabase &db)
    : m_db(db)
{
}

QString MessageLog::insertInto(const QSqlDatabase &db, const QList<MessageLogEntry> &entries,
                               int *inserted)
{
    static const SqlBulkInsert insert(
        u"message_log"_s,
        { u"message_id"_s, u"phone"_s, u"direction"_s, u"text"_s, u"tool_id"_s, u"latency_ms"_s,
          u"time_ms"_s },
        u"ON CONFLICT (message_id) DO NOTHING"_s, u"log messages"_s);
    QList<QVariantList> rows;
    rows.reserve(entries.size());
    for (const MessageLogEntry &e : entries) {
        if (e.messageId.isEmpty() || e.phone.isEmpty())
            return u"cannot log a message without a message id and a phone (entry "_s
                + QString::number(rows.size() + 1) + u" of "_s + QString::number(entries.size())
                + u')';
        rows.append({ e.messageId, e.phone, MessageLogEntry::directionName(e.direction), e.text,
                      e.toolId, e.latencyMs, e.timeMs });
    }
    return insert.run(db, rows, inserted);
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
    if (query.direction) {
        sql += u"direction = ? AND "_s;
        values << MessageLogEntry::directionName(*query.direction);
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
