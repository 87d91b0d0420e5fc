#include "panels/registrypanel.h"

#include "models/tooltablemodel.h"
#include "panels/tooldetailshtml.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace m1 {

RegistryPanel::RegistryPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ToolTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_details(new QTextBrowser(this))
    , m_problems(new QListWidget(this))
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

    auto *addFile = new QPushButton(tr("Add file…"), this);
    auto *addFolder = new QPushButton(tr("Add folder…"), this);
    auto *addUrl = new QPushButton(tr("Add URL…"), this);
    auto *reload = new QPushButton(tr("Reload"), this);
    connect(addFile, &QPushButton::clicked, this, &RegistryPanel::askForFiles);
    connect(addFolder, &QPushButton::clicked, this, &RegistryPanel::askForFolder);
    connect(addUrl, &QPushButton::clicked, this, &RegistryPanel::askForUrl);
    connect(reload, &QPushButton::clicked, this, &RegistryPanel::reloadRequested);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filter, 1);
    toolbar->addWidget(addFile);
    toolbar->addWidget(addFolder);
    toolbar->addWidget(addUrl);
    toolbar->addWidget(reload);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_details);
    auto *problemsBox = new QWidget(right);
    auto *problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    problemsLayout->addWidget(new QLabel(tr("Load problems"), problemsBox));
    problemsLayout->addWidget(m_problems);
    right->addWidget(problemsBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(split, 1);
    layout->addWidget(m_summary);
    setLoading();
}

void RegistryPanel::setLoading()
{
    m_summary->setText(tr("Loading the API descriptions…"));
}

void RegistryPanel::setSnapshot(EngineSnapshotPtr snapshot)
{
    m_snapshot = snapshot;
    m_model->setSnapshot(snapshot);
    m_table->resizeColumnsToContents();
    m_problems->clear();
    for (const LoadError &error : snapshot->registry->errors())
        m_problems->addItem(error.toString());
    m_summary->setText(tr("%n tool(s) from %1 source(s), loaded in %2 ms; %3 problem(s); %4 graph edge(s).",
                          nullptr, snapshot->registry->size())
                           .arg(snapshot->registry->sources().size())
                           .arg(snapshot->parseMs, 0, 'f', 1)
                           .arg(snapshot->registry->errors().size())
                           .arg(snapshot->graph->edgeCount()));
    if (m_proxy->rowCount() > 0)
        m_table->selectRow(0);
}

bool RegistryPanel::showTool(const QString &id)
{
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

void RegistryPanel::askForFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add API descriptions"), QString(),
        tr("OpenAPI and tool catalogs (*.yaml *.yml *.json *.jsonl);;All files (*)"));
    if (!files.isEmpty())
        Q_EMIT addSourcesRequested(files);
}

void RegistryPanel::askForFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a folder of API descriptions"));
    if (!folder.isEmpty())
        Q_EMIT addSourcesRequested({folder});
}

void RegistryPanel::askForUrl()
{
    bool ok = false;
    const QString url = QInputDialog::getText(this, tr("Add an API description by URL"),
                                              tr("URL (http or https):"), QLineEdit::Normal,
                                              QStringLiteral("https://"), &ok);
    const QUrl parsed(url.trimmed());
    if (ok && parsed.isValid() && parsed.scheme().startsWith(u"http"))
        Q_EMIT addSourcesRequested({parsed.toString()});
}

} // namespace m1
