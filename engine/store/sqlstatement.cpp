#include "store/sqlstatement.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace m1 {

SqlStatement::SqlStatement(const QSqlDatabase &db)
    : m_query(db)
{
    m_query.setForwardOnly(true);
}

bool SqlStatement::prepare(const QString &sql, const QString &what, QString *error)
{
    m_what = what;
    if (m_query.prepare(sql))
        return true;
    *error = u"cannot "_s + what + u": "_s + errorText(m_query.lastError());
    return false;
}

bool SqlStatement::exec(const QVariantList &values, QString *error)
{
    // Qt binds a null QString as SQL NULL; every text column here is NOT NULL with '' for
    // "unknown", so a default-constructed QString means ''.
    static const QVariant empty = QVariant(QString(0, QChar()));
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        const bool nullText = value.typeId() == QMetaType::QString && value.toString().isNull();
        m_query.bindValue(i, nullText ? empty : value);
    }
    if (m_query.exec())
        return true;
    *error = u"cannot "_s + m_what + u": "_s + errorText(m_query.lastError());
    return false;
}

bool SqlStatement::run(const QString &sql, const QString &what, QString *error)
{
    m_what = what;
    if (m_query.exec(sql))
        return true;
    *error = u"cannot "_s + what + u": "_s + errorText(m_query.lastError());
    return false;
}

QString SqlStatement::errorText(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    const QString driver = error.driverText().trimmed();
    if (text.isEmpty())
        text = driver;
    else if (!driver.isEmpty() && !text.contains(driver))
        text = driver + u" ("_s + text + u')';
    text.replace(u'\n', u' ');
    return text.simplified();
}

} // namespace m1
