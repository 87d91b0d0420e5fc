#include "store/messagestatuslog.h"

#include "store/sqlbulkinsert.h"
#include "store/sqldatabase.h"
#include "store/sqlstatement.h"

using namespace Qt::StringLiterals;

namespace m1 {

MessageStatusLog::MessageStatusLog(const SqlDatabase &db)
    : m_db(db)
{
}

QString MessageStatusLog::insertInto(const QSqlDatabase &db,
                                     const QList<MessageStatusEntry> &entries, int *inserted)
{
    static const SqlBulkInsert insert(u"message_statuses"_s,
                                      { u"message_id"_s, u"phone"_s, u"status"_s, u"error_code"_s,
                                        u"error_text"_s, u"time_ms"_s },
                                      u"ON CONFLICT (message_id, status) DO NOTHING"_s,
                                      u"record delivery statuses"_s);
    QList<QVariantList> rows;
    rows.reserve(entries.size());
    for (const MessageStatusEntry &e : entries) {
        if (e.messageId.isEmpty() || e.status.isEmpty())
            return u"cannot record a delivery status without a message id and a status (entry "_s
                + QString::number(rows.size() + 1) + u" of "_s + QString::number(entries.size())
                + u')';
        rows.append({ e.messageId, e.phone, e.status, e.errorCode, e.errorText, e.timeMs });
    }
    return insert.run(db, rows, inserted);
}

QString MessageStatusLog::append(const QList<MessageStatusEntry> &entries, int *inserted) const
{
    return m_db.write([&](const QSqlDatabase &db) { return insertInto(db, entries, inserted); });
}

QList<MessageStatusEntry> MessageStatusLog::forMessage(const QString &messageId,
                                                       QString *error) const
{
    QList<MessageStatusEntry> entries;
    *error = m_db.read([&](const QSqlDatabase &db) {
        entries.clear();
        QString failed;
        SqlStatement select(db);
        if (!select.prepare(u"SELECT message_id, phone, status, error_code, error_text, time_ms "
                            u"FROM message_statuses WHERE message_id = ? ORDER BY time_ms, id"_s,
                            u"read the delivery statuses of "_s + messageId, &failed)
            || !select.exec({ messageId }, &failed))
            return failed;
        while (select.next()) {
            entries.append({ select.value(0).toString(), select.value(1).toString(),
                             select.value(2).toString(), select.value(3).toInt(),
                             select.value(4).toString(), select.value(5).toLongLong() });
        }
        return QString();
    });
    return entries;
}

} // namespace m1
