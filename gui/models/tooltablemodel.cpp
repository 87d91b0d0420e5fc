#include "models/tooltablemodel.h"

#include "search/searchengine.h"

#include <QFileInfo>

namespace m1 {

ToolTableModel::ToolTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ToolTableModel::setSnapshot(EngineSnapshotPtr snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}

const ToolDefinition *ToolTableModel::toolAt(int row) const
{
    if (!m_snapshot || row < 0 || row >= m_snapshot->registry->size())
        return nullptr;
    return &m_snapshot->registry->tools().at(row);
}

int ToolTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : m_snapshot->registry->size();
}

int ToolTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ToolTableModel::data(const QModelIndex &index, int role) const
{
    const ToolDefinition *tool = toolAt(index.row());
    if (!tool)
        return {};
    if (index.column() == EmbeddingColumn)
        return embeddingState(*tool, role);
    if (role == Qt::ToolTipRole)
        return QString(tool->summary + u"\n" + tool->description);
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (index.column()) {
    case IdColumn: return tool->id;
    case MethodColumn: return tool->method;
    case PathColumn: return tool->path;
    case CategoryColumn: return tool->category;
    case ParamsColumn: return int(tool->parameters.size());
    case OutputsColumn: return int(tool->outputKeys.size());
    case SourceColumn: return QFileInfo(tool->source).fileName();
    case DeprecatedColumn:
        if (role == Qt::UserRole)
            return tool->deprecated;
        return tool->deprecated ? tr("yes") : QString();
    default: return {};
    }
}

QVariant ToolTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Tool");
    case MethodColumn: return tr("Method");
    case PathColumn: return tr("Path");
    case CategoryColumn: return tr("Category");
    case ParamsColumn: return tr("Parameters");
    case OutputsColumn: return tr("Outputs");
    case SourceColumn: return tr("Source");
    case DeprecatedColumn: return tr("Deprecated");
    case EmbeddingColumn: return tr("Embedding");
    default: return {};
    }
}

QVariant ToolTableModel::embeddingState(const ToolDefinition &tool, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::UserRole && role != Qt::ToolTipRole)
        return {};
    const SearchEngine *search = m_snapshot->search.get();
    if (!search) {
        if (role == Qt::ToolTipRole)
            return m_snapshot->searchError.isEmpty() ? tr("Search has not been built for these tools.")
                                                     : m_snapshot->searchError;
        return m_snapshot->searchError.isEmpty() ? tr("not embedded") : tr("failed");
    }
    if (search->indexOf(tool.id) < 0)
        return role == Qt::ToolTipRole ? tr("Search was built without this tool.") : tr("missing");
    if (role == Qt::ToolTipRole) {
        const SearchEngineInfo &info = search->info();
        return tr("In the %1 vector index: %2 dimensions; this load embedded %3 text(s), %4 from the cache, in %5 ms.")
            .arg(info.indexKind)
            .arg(info.dimension)
            .arg(info.embedding.embedded)
            .arg(info.embedding.cacheHits)
            .arg(info.embedMs, 0, 'f', 1);
    }
    return tr("embedded");
}

} // namespace m1
