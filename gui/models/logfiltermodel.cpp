#include "models/logfiltermodel.h"

#include "models/logmodel.h"

namespace m1 {

LogFilterModel::LogFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
}

void LogFilterModel::setMinimumSeverity(int severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    invalidateFilter();
}

void LogFilterModel::setCategory(const QString &category)
{
    if (category == m_category)
        return;
    m_category = category;
    invalidateFilter();
}

void LogFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *logs = qobject_cast<const LogModel *>(sourceModel());
    if (!logs || sourceParent.isValid())
        return true;
    const LogRecord &r = logs->record(sourceRow);
    if (LogModel::severity(r.type) < m_minimumSeverity)
        return false;
    if (!m_category.isEmpty() && r.category != m_category
        && !(r.category.startsWith(m_category) && r.category.at(m_category.size()) == u'.'))
        return false;
    return m_text.isEmpty() || r.message.contains(m_text, Qt::CaseInsensitive)
            || r.category.contains(m_text, Qt::CaseInsensitive);
}

} // namespace m1
