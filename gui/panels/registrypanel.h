#pragma once

// Registry panel: every tool in a sortable, filterable table, the selected tool's details
// (parameters, outputs, embedded text, graph neighbours) and the load problems.

#include "facade/enginesnapshot.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace m1 {

class ToolTableModel;

class RegistryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RegistryPanel(QWidget *parent = nullptr);

    void setSnapshot(EngineSnapshotPtr snapshot);
    void setLoading();
    // Selects the tool with this id (used by other panels to "open in registry").
    bool showTool(const QString &id);
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    void addSourcesRequested(const QStringList &sources);
    void reloadRequested();

private:
    void showDetails(const QModelIndex &proxyIndex);
    void askForFiles();
    void askForFolder();
    void askForUrl();

    EngineSnapshotPtr m_snapshot;
    ToolTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_table;
    QTextBrowser *m_details;
    QListWidget *m_problems;
    QLabel *m_summary;
};

} // namespace m1
