#pragma once

// The delivery statuses of the bot's replies (table message_statuses), kept against the
// reply's message id in the message log: a reply's row there says what was sent, its rows here
// say whether it arrived, was read or failed and why. Writes normally go through
// SqlBatchWriter; a status Meta delivers twice is kept once.

#include "store/messagestatusentry.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace m1 {

class SqlDatabase;

class MessageStatusLog
{
public:
    explicit MessageStatusLog(const SqlDatabase &db);

    // One transaction; a (message id, status) already recorded is skipped, not an error.
    QString append(const QList<MessageStatusEntry> &entries, int *inserted = nullptr) const;
    // Every status of one message, oldest first.
    QList<MessageStatusEntry> forMessage(const QString &messageId, QString *error) const;

    // The insert on a connection that is already inside a transaction (the batch writer's).
    static QString insertInto(const QSqlDatabase &db, const QList<MessageStatusEntry> &entries,
                              int *inserted);

private:
    const SqlDatabase &m_db;
};

} // namespace m1
