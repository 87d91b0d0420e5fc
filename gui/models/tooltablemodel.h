#pragma once

// The registry as a table: one row per tool, columns for what admins sort and filter by.

#include "facade/enginesnapshot.h"

#include <QAbstractTableModel>

namespace m1 {

class ToolTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, MethodColumn, PathColumn, CategoryColumn, ParamsColumn, OutputsColumn,
                  SourceColumn, DeprecatedColumn, EmbeddingColumn, ColumnCount };

    explicit ToolTableModel(QObject *parent = nullptr);

    void setSnapshot(EngineSnapshotPtr snapshot);
    const ToolDefinition *toolAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant embeddingState(const ToolDefinition &tool, int role) const;

    EngineSnapshotPtr m_snapshot;
};

} // namespace m1
