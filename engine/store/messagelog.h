#pragma once

// The message log table. Writes normally go through SqlBatchWriter (many entries, one
// transaction, off the message path); append() is the same write for callers that want it now.
// Reads use the (phone, time) and (time) indexes.

#include "store/messagelogentry.h"
#include "store/messagelogquery.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace m1 {

class SqlDatabase;

class MessageLog
{
public:
    explicit MessageLog(const SqlDatabase &db);

    // One transaction; entries whose message id is already logged are skipped, not errors.
    // *inserted (optional) counts the new rows.
    QString append(const QList<MessageLogEntry> &entries, int *inserted = nullptr) const;
    QList<MessageLogEntry> query(const MessageLogQuery &query, QString *error) const;
    // Entries logged for `phone` (empty: all); -1 with *error.
    qint64 count(const QString &phone, QString *error) const;

    // The insert on a connection that is already inside a transaction (the batch writer's).
    static QString insertInto(const QSqlDatabase &db, const QList<MessageLogEntry> &entries,
                              int *inserted);

private:
    const SqlDatabase &m_db;
};

} // namespace m1
