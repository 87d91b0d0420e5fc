#include "panels/graphpanel.h"

#include "graph/graphexporter.h"
#include "graph/graphvizlayouter.h"
#include "widgets/graphcanvas.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace m1 {
namespace {

const QString kGroup = QStringLiteral("graph/");

} // namespace

GraphPanel::GraphPanel(QWidget *parent)
    : QWidget(parent)
    , m_layouter(new GraphvizLayouter(this))
    , m_canvas(new GraphCanvas(this))
    , m_find(new QLineEdit(this))
    , m_ids(new QStringListModel(this))
    , m_hops(new QSpinBox(this))
    , m_direction(new QComboBox(this))
    , m_maxNodes(new QSpinBox(this))
    , m_all(new QCheckBox(tr("All tools"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("graph"));
    const QSettings settings;
    m_focus = settings.value(kGroup + u"focus").toString();
    m_hops->setRange(1, 5);
    m_hops->setValue(settings.value(kGroup + u"hops", 1).toInt());
    m_hops->setToolTip(tr("How many links away from the focused tool to show"));
    m_direction->addItem(tr("Providers and consumers"), int(GraphScope::Direction::Both));
    m_direction->addItem(tr("Providers only"), int(GraphScope::Direction::Providers));
    m_direction->addItem(tr("Consumers only"), int(GraphScope::Direction::Consumers));
    m_direction->setCurrentIndex(std::clamp(settings.value(kGroup + u"direction", 0).toInt(), 0, 2));
    m_maxNodes->setRange(5, 500);
    m_maxNodes->setValue(settings.value(kGroup + u"maxNodes", 40).toInt());
    m_maxNodes->setToolTip(tr("At most this many tools; the most strongly linked neighbours are kept"));
    m_all->setChecked(settings.value(kGroup + u"all", false).toBool());
    m_all->setToolTip(tr("Show every tool at once (a force-directed layout without key labels)"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buildToolbar());
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_status);

    connect(m_layouter, &GraphvizLayouter::layoutReady, this, &GraphPanel::showLayout);
    connect(m_canvas, &GraphCanvas::nodeClicked, this, &GraphPanel::toolActivated);
    connect(m_canvas, &GraphCanvas::nodeMenuRequested, this, &GraphPanel::showNodeMenu);
    const auto relayout = [this] {
        saveState();
        requestLayout();
    };
    connect(m_hops, &QSpinBox::valueChanged, this, relayout);
    connect(m_maxNodes, &QSpinBox::valueChanged, this, relayout);
    connect(m_direction, &QComboBox::currentIndexChanged, this, relayout);
    connect(m_all, &QCheckBox::toggled, this, [this, relayout](bool all) {
        m_hops->setEnabled(!all);
        m_direction->setEnabled(!all);
        m_maxNodes->setEnabled(!all);
        relayout();
    });
    m_hops->setEnabled(!m_all->isChecked());
    m_direction->setEnabled(!m_all->isChecked());
    m_maxNodes->setEnabled(!m_all->isChecked());
    m_status->setText(tr("Loading the API descriptions…"));
}

GraphPanel::~GraphPanel() = default;

QHBoxLayout *GraphPanel::buildToolbar()
{
    auto *toolbar = new QHBoxLayout;

    m_find->setPlaceholderText(tr("Find a tool and press Enter to focus on it…"));
    m_find->setClearButtonEnabled(true);
    auto *completer = new QCompleter(m_ids, m_find);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_find->setCompleter(completer);
    connect(m_find, &QLineEdit::textChanged, this, [this](const QString &text) { m_canvas->highlight(text); });
    connect(m_find, &QLineEdit::returnPressed, this, &GraphPanel::findTool);
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &id) {
        focusOn(id);
    });
    auto *findAction = new QAction(tr("Find a tool"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });
    addAction(findAction);

    const auto button = [this](const QString &text, const QString &tip, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, m_canvas, slot);
        addAction(action);
        auto *tool = new QToolButton(this);
        tool->setDefaultAction(action);
        return tool;
    };
    QToolButton *zoomIn = button(QStringLiteral("+"), tr("Zoom in"), QKeySequence::ZoomIn, &GraphCanvas::zoomIn);
    QToolButton *zoomOut = button(QStringLiteral("−"), tr("Zoom out"), QKeySequence::ZoomOut, &GraphCanvas::zoomOut);
    QToolButton *fit = button(tr("Fit"), tr("Fit the graph into the view"), QKeySequence(Qt::CTRL | Qt::Key_0),
                              &GraphCanvas::fitAll);

    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("Picture (PNG)…"), this,
                          [this] { askExport(QStringLiteral("png"), tr("PNG pictures (*.png)")); });
    exportMenu->addAction(tr("Drawing (SVG)…"), this,
                          [this] { askExport(QStringLiteral("svg"), tr("SVG drawings (*.svg)")); });
    exportMenu->addAction(tr("Graphviz (DOT)…"), this,
                          [this] { askExport(QStringLiteral("dot"), tr("Graphviz files (*.dot *.gv)")); });
    exportButton->setMenu(exportMenu);

    toolbar->addWidget(m_find, 2);
    toolbar->addWidget(new QLabel(tr("Hops:"), this));
    toolbar->addWidget(m_hops);
    toolbar->addWidget(m_direction);
    toolbar->addWidget(new QLabel(tr("Max. tools:"), this));
    toolbar->addWidget(m_maxNodes);
    toolbar->addWidget(m_all);
    toolbar->addStretch(1);
    toolbar->addWidget(zoomOut);
    toolbar->addWidget(zoomIn);
    toolbar->addWidget(fit);
    toolbar->addWidget(exportButton);
    return toolbar;
}

void GraphPanel::setSnapshot(EngineSnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    QStringList ids;
    ids.reserve(m_snapshot->registry->size());
    for (const ToolDefinition &tool : m_snapshot->registry->tools())
        ids.append(tool.id);
    ids.sort(Qt::CaseInsensitive);
    m_ids->setStringList(ids);
    if (m_focus.isEmpty() || m_snapshot->registry->indexOf(m_focus) < 0)
        m_focus = defaultFocus();
    requestLayout();
}

QString GraphPanel::defaultFocus() const
{
    // The first tool something feeds: a lone tool would make a dull first picture.
    for (int i = 0; i < m_snapshot->registry->size(); ++i) {
        if (!m_snapshot->graph->incoming(i).isEmpty())
            return m_snapshot->registry->tools().at(i).id;
    }
    return m_snapshot->registry->size() > 0 ? m_snapshot->registry->tools().first().id : QString();
}

bool GraphPanel::focusOn(const QString &toolId)
{
    if (!m_snapshot || m_snapshot->registry->indexOf(toolId) < 0)
        return false;
    m_focus = toolId;
    if (m_all->isChecked())
        m_all->setChecked(false); // lays out through the toggle
    else
        requestLayout();
    saveState();
    return true;
}

QString GraphPanel::focusId() const
{
    return m_focus;
}

void GraphPanel::setHops(int hops)
{
    m_hops->setValue(hops);
}

void GraphPanel::setShowAll(bool all)
{
    m_all->setChecked(all);
}

void GraphPanel::requestLayout()
{
    if (!m_snapshot)
        return;
    GraphScope scope;
    scope.focusId = m_focus;
    scope.hops = m_hops->value();
    scope.direction = GraphScope::Direction(m_direction->currentData().toInt());
    scope.maxNodes = m_maxNodes->value();
    scope.allTools = m_all->isChecked();
    m_status->setText(scope.showsAll() ? tr("Laying out every tool…")
                                       : tr("Laying out the neighbourhood of %1…").arg(m_focus));
    m_pendingLayout = m_layouter->layout(m_snapshot, scope, m_canvas->font());
}

void GraphPanel::showLayout(quint64 requestId, const GraphLayout &layout)
{
    if (requestId != m_pendingLayout)
        return; // a newer request is on its way
    m_pendingLayout = 0;
    if (!layout.error.isEmpty()) {
        m_canvas->showLayout(GraphLayout());
        m_status->setText(tr("The graph could not be laid out: %1").arg(layout.error));
        Q_EMIT layoutShown();
        return;
    }
    m_canvas->showLayout(layout);
    m_canvas->highlight(m_find->text());
    QString text = layout.isFocused()
        ? tr("%1: %n tool(s) within %2 hop(s)", nullptr, int(layout.nodes.size()))
              .arg(layout.scope.focusId)
              .arg(layout.scope.hops)
        : tr("All %n tool(s)", nullptr, int(layout.nodes.size()));
    text += u" · " + tr("%n link(s)", nullptr, int(layout.edges.size()));
    if (layout.omittedEdges > 0)
        text += u" · " + tr("%n link(s) among outer tools not drawn", nullptr, layout.omittedEdges);
    if (layout.hidden > 0)
        text += u" · " + tr("%n more neighbour(s) not shown (raise Max. tools)", nullptr, layout.hidden);
    text += u" · " + tr("laid out by Graphviz %1 in %2 ms").arg(layout.engine).arg(layout.ms, 0, 'f', 0);
    text += u" · " + tr("click a tool to open it in the registry; right-click to focus on it");
    m_status->setText(text);
    Q_EMIT layoutShown();
}

void GraphPanel::findTool()
{
    const QString text = m_find->text().trimmed();
    if (text.isEmpty() || !m_snapshot)
        return;
    if (focusOn(text))
        return;
    // The first id containing the text, in the completer's (sorted) order.
    for (const QString &id : m_ids->stringList()) {
        if (id.contains(text, Qt::CaseInsensitive)) {
            focusOn(id);
            return;
        }
    }
    m_status->setText(tr("No tool matches “%1”.").arg(text));
}

void GraphPanel::showNodeMenu(const QString &toolId, const QPoint &globalPos)
{
    QMenu menu(this);
    menu.addAction(tr("Focus on %1").arg(toolId), this, [this, toolId] { focusOn(toolId); });
    menu.addAction(tr("Open %1 in the registry").arg(toolId), this, [this, toolId] { Q_EMIT toolActivated(toolId); });
    menu.exec(globalPos);
}

QString GraphPanel::exportTo(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const GraphLayout &shown = m_canvas->currentLayout();
    if (suffix == u"dot" || suffix == u"gv")
        return GraphExporter::writeDot(shown.dot, path);
    QRectF source = m_canvas->contentRect().adjusted(-12, -12, 12, 12);
    if (suffix == u"svg") {
        return GraphExporter::writeSvg(*m_canvas->scene(), source,
                                       shown.isFocused() ? tr("Neighbourhood of %1").arg(shown.scope.focusId)
                                                         : tr("All tools"),
                                       path);
    }
    if (suffix == u"png")
        return GraphExporter::writePng(*m_canvas->scene(), source, palette().color(QPalette::Base), path);
    return tr("Unknown export format “%1”: use .png, .svg or .dot.").arg(suffix);
}

void GraphPanel::askExport(const QString &suffix, const QString &filter)
{
    QSettings settings;
    const QString folder = settings.value(kGroup + u"exportFolder").toString();
    const QString name = (m_focus.isEmpty() || m_all->isChecked() ? QStringLiteral("tools") : m_focus) + u'.' + suffix;
    QString path = QFileDialog::getSaveFileName(this, tr("Export the graph"), QDir(folder).filePath(name), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + suffix;
    settings.setValue(kGroup + u"exportFolder", QFileInfo(path).absolutePath());
    const QString error = exportTo(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export the graph"), error);
}

void GraphPanel::saveState() const
{
    QSettings settings;
    settings.setValue(kGroup + u"focus", m_focus);
    settings.setValue(kGroup + u"hops", m_hops->value());
    settings.setValue(kGroup + u"direction", m_direction->currentIndex());
    settings.setValue(kGroup + u"maxNodes", m_maxNodes->value());
    settings.setValue(kGroup + u"all", m_all->isChecked());
}

} // namespace m1
