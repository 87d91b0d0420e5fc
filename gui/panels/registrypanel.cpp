#include "panels/registrypanel.h"

#include "models/tooltablemodel.h"
#include "panels/tooldetailshtml.h"
#include "widgets/lintlist.h"
#include "widgets/sourceseditor.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace m1 {
namespace {

const QString kGroup = QStringLiteral("registry/");

enum ProblemColumn { SeverityColumn, SourceColumn, PointerColumn, MessageColumn };

} // namespace

RegistryPanel::RegistryPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ToolTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_details(new QTextBrowser(this))
    , m_problems(new QTreeWidget(this))
    , m_lint(new LintList(this))
    , m_sources(new SourcesEditor(this))
    , m_bottomTabs(new QTabWidget(this))
    , m_split(new QSplitter(Qt::Horizontal, this))
    , m_rightSplit(new QSplitter(Qt::Vertical, this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("registry"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(Qt::UserRole);

    m_filter->setPlaceholderText(tr("Filter by id, path, category or source…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    auto *findAction = new QAction(tr("Filter the tools"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(findAction);

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ToolTableModel::IdColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showDetails(current); });

    auto *showInGraph = new QPushButton(tr("Show in graph"), this);
    showInGraph->setToolTip(tr("Open the dependency graph focused on the selected tool"));
    auto *reload = new QPushButton(tr("Reload"), this);
    reload->setToolTip(tr("Load every source again"));
    connect(showInGraph, &QPushButton::clicked, this, [this] {
        const QString id = currentToolId();
        if (!id.isEmpty())
            Q_EMIT showInGraphRequested(id);
    });
    connect(reload, &QPushButton::clicked, this, &RegistryPanel::reloadRequested);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filter, 1);
    toolbar->addWidget(showInGraph);
    toolbar->addWidget(reload);

    m_rightSplit->addWidget(m_details);
    m_rightSplit->addWidget(buildBottomTabs());
    m_rightSplit->setStretchFactor(0, 3);
    m_rightSplit->setStretchFactor(1, 2);
    m_split->addWidget(m_table);
    m_split->addWidget(m_rightSplit);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);

    const QSettings settings;
    m_split->restoreState(settings.value(kGroup + u"split").toByteArray());
    m_rightSplit->restoreState(settings.value(kGroup + u"rightSplit").toByteArray());
    m_bottomTabs->setCurrentIndex(settings.value(kGroup + u"bottomTab", 0).toInt());

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_split, 1);
    layout->addWidget(m_summary);
    setLoading();
}

RegistryPanel::~RegistryPanel()
{
    QSettings settings;
    settings.setValue(kGroup + u"split", m_split->saveState());
    settings.setValue(kGroup + u"rightSplit", m_rightSplit->saveState());
    settings.setValue(kGroup + u"bottomTab", m_bottomTabs->currentIndex());
}

QWidget *RegistryPanel::buildBottomTabs()
{
    m_problems->setColumnCount(4);
    m_problems->setHeaderLabels({tr("Severity"), tr("Source"), tr("JSON pointer"), tr("Problem")});
    m_problems->setRootIsDecorated(false);
    m_problems->setAlternatingRowColors(true);
    m_problems->setSortingEnabled(true);
    m_problems->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_problems->header()->setStretchLastSection(true);

    connect(m_lint, &LintList::toolActivated, this, [this](const QString &id) { showTool(id); });
    connect(m_lint, &LintList::checked, this,
            [this](int findings) { m_bottomTabs->setTabText(1, tr("Lint (%1)").arg(findings)); });
    connect(m_sources, &SourcesEditor::addRequested, this, &RegistryPanel::addSourcesRequested);
    connect(m_sources, &SourcesEditor::removeRequested, this, &RegistryPanel::removeSourcesRequested);
    connect(m_sources, &SourcesEditor::reloadRequested, this, &RegistryPanel::reloadRequested);

    m_bottomTabs->setDocumentMode(true);
    m_bottomTabs->addTab(m_problems, tr("Load problems"));
    m_bottomTabs->addTab(m_lint, tr("Lint"));
    m_bottomTabs->addTab(m_sources, tr("Sources"));
    return m_bottomTabs;
}

void RegistryPanel::showLint()
{
    m_bottomTabs->setCurrentWidget(m_lint);
}

void RegistryPanel::setLoading()
{
    m_summary->setText(tr("Loading the API descriptions…"));
}

void RegistryPanel::setSnapshot(EngineSnapshotPtr snapshot)
{
    const QString selected = currentToolId();
    m_snapshot = snapshot;
    m_model->setSnapshot(snapshot);
    m_table->resizeColumnsToContents();
    showProblems(*snapshot->registry);
    m_sources->setSources(snapshot->configuredSources);
    m_bottomTabs->setTabText(2, tr("Sources (%1)").arg(snapshot->configuredSources.size()));
    m_bottomTabs->setTabText(1, tr("Lint (checking…)"));
    m_lint->check(snapshot);
    QString summary = tr("%n tool(s) from %1 source(s), loaded in %2 ms; %3 problem(s); %4 graph edge(s).", nullptr,
                         snapshot->registry->size())
                          .arg(snapshot->registry->sources().size())
                          .arg(snapshot->parseMs, 0, 'f', 1)
                          .arg(snapshot->registry->errors().size())
                          .arg(snapshot->graph->edgeCount());
    if (!snapshot->searchError.isEmpty())
        summary += u' ' + tr("Search is unavailable: %1").arg(snapshot->searchError);
    m_summary->setText(summary);
    if (!showTool(selected) && m_proxy->rowCount() > 0)
        m_table->selectRow(0);
}

void RegistryPanel::showProblems(const ToolRegistry &registry)
{
    m_problems->setSortingEnabled(false);
    m_problems->clear();
    for (const LoadError &error : registry.errors()) {
        const bool isError = error.severity == LoadError::Severity::Error;
        auto *item = new QTreeWidgetItem(m_problems);
        item->setText(SeverityColumn, isError ? tr("error") : tr("warning"));
        item->setText(SourceColumn, QFileInfo(error.source).fileName());
        item->setToolTip(SourceColumn, error.source);
        item->setText(PointerColumn, error.pointer.isEmpty() ? QStringLiteral("/") : error.pointer);
        item->setText(MessageColumn, error.message);
        item->setToolTip(MessageColumn, error.toString());
    }
    m_problems->setSortingEnabled(true);
    m_bottomTabs->setTabText(0, tr("Load problems (%1)").arg(registry.errors().size()));
}

QString RegistryPanel::currentToolId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.siblingAtColumn(ToolTableModel::IdColumn).data().toString() : QString();
}

bool RegistryPanel::showTool(const QString &id)
{
    if (id.isEmpty() || !m_snapshot || !m_snapshot->registry->find(id))
        return false;
    // A filter that hides the tool would make "open in registry" do nothing visible.
    if (!m_filter->text().isEmpty() && !m_filter->text().contains(id, Qt::CaseInsensitive)) {
        bool hidden = true;
        for (int row = 0; row < m_proxy->rowCount() && hidden; ++row)
            hidden = m_proxy->index(row, ToolTableModel::IdColumn).data().toString() != id;
        if (hidden)
            m_filter->clear();
    }
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, ToolTableModel::IdColumn);
        if (index.data().toString() == id) {
            m_table->selectRow(row);
            m_table->scrollTo(index);
            return true;
        }
    }
    return false;
}

void RegistryPanel::showDetails(const QModelIndex &proxyIndex)
{
    const int row = m_proxy->mapToSource(proxyIndex).row();
    const ToolDefinition *tool = m_model->toolAt(row);
    if (!tool || !m_snapshot) {
        m_details->clear();
        return;
    }
    m_details->setHtml(ToolDetailsHtml::render(*tool, row, *m_snapshot));
}

} // namespace m1
