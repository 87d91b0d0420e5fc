#include "models/logmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace m1 {

LogModel::LogModel(int capacity, QObject *parent) : QAbstractTableModel(parent), m_capacity(std::max(1, capacity))
{
}

int LogModel::severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 0;
}

QString LogModel::levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return tr("debug");
    case QtInfoMsg:
        return tr("info");
    case QtWarningMsg:
        return tr("warning");
    case QtCriticalMsg:
        return tr("critical");
    case QtFatalMsg:
        return tr("fatal");
    }
    return {};
}

void LogModel::append(const QList<LogRecord> &records)
{
    if (records.isEmpty())
        return;
    // Only the newest `capacity` of a flood can be shown anyway.
    const qsizetype firstKept = std::max<qsizetype>(0, records.size() - m_capacity);
    const qsizetype incoming = records.size() - firstKept;
    const qsizetype overflow = m_records.size() + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_records.remove(0, overflow);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_records.size()), int(m_records.size() + incoming - 1));
    for (qsizetype i = firstKept; i < records.size(); ++i) {
        const LogRecord &r = records.at(i);
        m_records.append(r);
        if (!m_categories.contains(r.category)) {
            m_categories.insert(r.category);
            Q_EMIT categoryAdded(r.category);
        }
    }
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_records.clear();
    endResetModel();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const LogRecord &r = m_records.at(index.row());
    if (role == SeverityRole)
        return severity(r.type);
    if (role == Qt::ForegroundRole && index.column() == LevelColumn) {
        // Fixed hues that read on light and dark backgrounds alike.
        if (severity(r.type) >= 3)
            return QBrush(QColor(0xd9, 0x3f, 0x3f));
        if (severity(r.type) == 2)
            return QBrush(QColor(0xd0, 0x8a, 0x1c));
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return r.file.isEmpty() ? r.message : r.message + u"\n" + r.file + u':' + QString::number(r.line);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case LevelColumn:
        return levelName(r.type);
    case CategoryColumn:
        return r.category;
    case MessageColumn:
        return r.message;
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace m1
