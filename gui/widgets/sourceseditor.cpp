#include "widgets/sourceseditor.h"

#include "facade/bundledresources.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace m1 {

SourcesEditor::SourcesEditor(QWidget *parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_remove(new QPushButton(tr("Remove"), this))
{
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *addFile = new QPushButton(tr("Add file…"), this);
    auto *addFolder = new QPushButton(tr("Add folder…"), this);
    auto *addUrl = new QPushButton(tr("Add URL…"), this);
    auto *reload = new QPushButton(tr("Reload"), this);
    m_remove->setEnabled(false);
    m_remove->setToolTip(tr("Stop loading the selected sources (with none left, the bundled demo loads)"));
    connect(addFile, &QPushButton::clicked, this, &SourcesEditor::askForFiles);
    connect(addFolder, &QPushButton::clicked, this, &SourcesEditor::askForFolder);
    connect(addUrl, &QPushButton::clicked, this, &SourcesEditor::askForUrl);
    connect(m_remove, &QPushButton::clicked, this, &SourcesEditor::removeSelected);
    connect(reload, &QPushButton::clicked, this, &SourcesEditor::reloadRequested);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(addFile);
    buttons->addWidget(addFolder);
    buttons->addWidget(addUrl);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(reload);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
}

void SourcesEditor::setSources(const QStringList &sources)
{
    m_sources = sources;
    m_list->clear();
    for (const QString &source : sources) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(Qt::UserRole, source);
        if (source == BundledResources::demoSpec()) {
            item->setText(tr("%1 (the bundled demo)").arg(source));
        } else {
            const QFileInfo info(source);
            item->setText(QDir::toNativeSeparators(source) + (info.isDir() ? tr(" (folder)") : QString()));
        }
        item->setToolTip(source);
    }
}

void SourcesEditor::askForFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add API descriptions"), QString(),
        tr("OpenAPI and tool catalogs (*.yaml *.yml *.json *.jsonl);;All files (*)"));
    if (!files.isEmpty())
        Q_EMIT addRequested(files);
}

void SourcesEditor::askForFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a folder of API descriptions"));
    if (!folder.isEmpty())
        Q_EMIT addRequested({folder});
}

void SourcesEditor::askForUrl()
{
    bool ok = false;
    const QString url = QInputDialog::getText(this, tr("Add an API description by URL"), tr("URL (http or https):"),
                                              QLineEdit::Normal, QStringLiteral("https://"), &ok);
    const QUrl parsed(url.trimmed());
    if (ok && parsed.isValid() && parsed.scheme().startsWith(u"http"))
        Q_EMIT addRequested({parsed.toString()});
}

void SourcesEditor::removeSelected()
{
    QStringList removed;
    for (const QListWidgetItem *item : m_list->selectedItems())
        removed.append(item->data(Qt::UserRole).toString());
    if (!removed.isEmpty())
        Q_EMIT removeRequested(removed);
}

} // namespace m1
