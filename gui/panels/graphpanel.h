#pragma once

// Dependency graph panel: one tool's neighbourhood (n hops; providers, consumers or both) laid
// out by Graphviz off the GUI thread, or every tool at once. Zoom, pan, find a tool, click a
// tool to open it in the registry, export PNG, SVG or DOT. Remembers its settings.

#include "facade/enginesnapshot.h"
#include "graph/graphlayout.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStringListModel;

namespace m1 {

class GraphCanvas;
class GraphvizLayouter;

class GraphPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GraphPanel(QWidget *parent = nullptr);
    ~GraphPanel() override;

    void setSnapshot(EngineSnapshotPtr snapshot);
    // Centres the view on this tool's neighbourhood; false when there is no such tool.
    bool focusOn(const QString &toolId);
    QString focusId() const;
    void setHops(int hops);
    void setShowAll(bool all);
    GraphCanvas *canvas() const { return m_canvas; }
    bool isLayoutPending() const { return m_pendingLayout != 0; }
    // Writes the graph as shown; the format follows the suffix (.png, .svg, .dot/.gv).
    // Empty on success, else what went wrong.
    QString exportTo(const QString &path);

Q_SIGNALS:
    // The user clicked a tool: show it in the registry.
    void toolActivated(const QString &toolId);
    // A layout finished and is on screen (also after an error).
    void layoutShown();

private:
    QHBoxLayout *buildToolbar();
    void requestLayout();
    void showLayout(quint64 requestId, const GraphLayout &layout);
    void findTool();
    void askExport(const QString &suffix, const QString &filter);
    void showNodeMenu(const QString &toolId, const QPoint &globalPos);
    QString defaultFocus() const;
    void saveState() const;

    GraphvizLayouter *m_layouter;
    GraphCanvas *m_canvas;
    QLineEdit *m_find;
    QStringListModel *m_ids;
    QSpinBox *m_hops;
    QComboBox *m_direction;
    QSpinBox *m_maxNodes;
    QCheckBox *m_all;
    QLabel *m_status;
    EngineSnapshotPtr m_snapshot;
    QString m_focus;
    quint64 m_pendingLayout = 0;
};

} // namespace m1
