#pragma once

// A multi-row INSERT, chunked: one statement per chunk of rows instead of one per row (one
// round trip per chunk on PostgreSQL), each well under the databases' bound-parameter limits.
// The tables written in batches (message log, delivery statuses) share it.
//
//   const SqlBulkInsert insert(u"message_log"_s, {u"message_id"_s, u"phone"_s},
//                              u"ON CONFLICT (message_id) DO NOTHING"_s, u"log messages"_s);
//   insert.run(db, {{id1, phone1}, {id2, phone2}}, &inserted);

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace m1 {

class SqlBulkInsert
{
public:
    // `suffix` follows the VALUES list (an ON CONFLICT clause); `what` names the write in errors.
    SqlBulkInsert(QString table, QStringList columns, QString suffix, QString what);

    // Every row holds one value per column. On a connection inside a transaction; *inserted
    // (optional) counts the rows the database reports as new. "" or what went wrong.
    QString run(const QSqlDatabase &db, const QList<QVariantList> &rows, int *inserted) const;

private:
    QString sql(int rows) const;

    const QString m_table;
    const QStringList m_columns;
    const QString m_suffix;
    const QString m_what;
};

} // namespace m1
