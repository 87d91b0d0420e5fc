#pragma once

// The most recent log records as a table (time, level, category, message), bounded: when full,
// the oldest rows go. Fed in batches from the engine's log feed.

#include "core/logrecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace m1 {

class LogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, LevelColumn, CategoryColumn, MessageColumn, ColumnCount };
    enum Role { SeverityRole = Qt::UserRole + 1 };

    explicit LogModel(int capacity = 5000, QObject *parent = nullptr);

    void append(const QList<LogRecord> &records);
    void clear();
    int capacity() const { return m_capacity; }
    const LogRecord &record(int row) const { return m_records.at(row); }

    // Debug 0 < info 1 < warning 2 < critical 3 < fatal 4, whatever Qt's enum order is.
    static int severity(QtMsgType type);
    static QString levelName(QtMsgType type);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void categoryAdded(const QString &category);

private:
    int m_capacity;
    QList<LogRecord> m_records;
    QSet<QString> m_categories;
};

} // namespace m1
