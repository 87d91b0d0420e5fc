#pragma once

// Which log rows the logs panel shows: at least a level, one category (and its subcategories)
// or all, and a text that the message or category contains.

#include <QSortFilterProxyModel>

namespace m1 {

class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LogFilterModel(QObject *parent = nullptr);

    void setMinimumSeverity(int severity);
    // Empty: every category. "m1.store" also shows "m1.store.redis".
    void setCategory(const QString &category);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minimumSeverity = 0;
    QString m_category;
    QString m_text;
};

} // namespace m1
