#pragma once

// A QSqlQuery with errors as values: prepare once, exec many times with positional values,
// each failure described with what was being done. Reads are forward-only (no row cache).

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

class QSqlError;

namespace m1 {

class SqlStatement
{
public:
    explicit SqlStatement(const QSqlDatabase &db);

    // `what` names the operation in error messages ("insert a message").
    bool prepare(const QString &sql, const QString &what, QString *error);
    bool exec(const QVariantList &values, QString *error);
    // One-off statement without parameters (DDL, PRAGMA, BEGIN).
    bool run(const QString &sql, const QString &what, QString *error);

    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    void finish() { m_query.finish(); }

    // The driver's message on one line.
    static QString errorText(const QSqlError &error);

private:
    QSqlQuery m_query;
    QString m_what;
};

} // namespace m1
