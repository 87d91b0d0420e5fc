#include "widgets/lintlist.h"

#include <QHeaderView>
#include <QtConcurrent>

namespace m1 {

LintList::LintList(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Check"), tr("Tool"), tr("Finding")});
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setWordWrap(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    connect(this, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { Q_EMIT toolActivated(item->text(1)); });
    connect(&m_watcher, &QFutureWatcher<QList<LintFinding>>::finished, this, [this] {
        if (!m_watcher.isCanceled())
            show(m_watcher.result());
    });
}

LintList::~LintList()
{
    // Bounded: one pass over one registry.
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void LintList::check(EngineSnapshotPtr snapshot)
{
    // A pass still running for an older snapshot finishes on its own; its result is not shown.
    m_watcher.setFuture(QtConcurrent::run([snapshot] { return RegistryLint::check(*snapshot); }));
}

void LintList::show(const QList<LintFinding> &findings)
{
    m_findings = findings;
    setSortingEnabled(false);
    clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(findings.size());
    for (const LintFinding &finding : findings) {
        auto *item = new QTreeWidgetItem({RegistryLint::kindName(finding.kind), finding.toolId, finding.message});
        item->setToolTip(2, finding.message);
        items.append(item);
    }
    addTopLevelItems(items);
    setSortingEnabled(true);
    Q_EMIT checked(int(findings.size()));
}

} // namespace m1
