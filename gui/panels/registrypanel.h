#pragma once

// Registry panel: every tool in a sortable, filterable table, the selected tool's details
// (parameters, outputs, embedded text, graph neighbours), and below them the load problems
// (with their JSON pointers), the lint findings and the spec sources (add, remove, reload).

#include "facade/enginesnapshot.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTreeWidget;

namespace m1 {

class LintList;
class SourcesEditor;
class ToolTableModel;

class RegistryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RegistryPanel(QWidget *parent = nullptr);
    ~RegistryPanel() override;

    void setSnapshot(EngineSnapshotPtr snapshot);
    void setLoading();
    // Selects the tool with this id (used by other panels to "open in registry").
    bool showTool(const QString &id);
    QString currentToolId() const;
    QTableView *table() const { return m_table; }
    QTreeWidget *problemsList() const { return m_problems; }
    LintList *lintList() const { return m_lint; }
    SourcesEditor *sourcesEditor() const { return m_sources; }
    void showLint();

Q_SIGNALS:
    void addSourcesRequested(const QStringList &sources);
    void removeSourcesRequested(const QStringList &sources);
    void reloadRequested();
    void showInGraphRequested(const QString &toolId);

private:
    QWidget *buildBottomTabs();
    void showDetails(const QModelIndex &proxyIndex);
    void showProblems(const ToolRegistry &registry);

    EngineSnapshotPtr m_snapshot;
    ToolTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_table;
    QTextBrowser *m_details;
    QTreeWidget *m_problems;
    LintList *m_lint;
    SourcesEditor *m_sources;
    QTabWidget *m_bottomTabs;
    QSplitter *m_split;
    QSplitter *m_rightSplit;
    QLabel *m_summary;
};

} // namespace m1
