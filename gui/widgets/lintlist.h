#pragma once

// The registry's lint findings (see RegistryLint) in a list, computed on a worker whenever a
// new snapshot arrives. Double-clicking a finding opens its tool.

#include "facade/enginesnapshot.h"
#include "models/registrylint.h"

#include <QFutureWatcher>
#include <QTreeWidget>

namespace m1 {

class LintList : public QTreeWidget
{
    Q_OBJECT

public:
    explicit LintList(QWidget *parent = nullptr);
    ~LintList() override;

    void check(EngineSnapshotPtr snapshot);
    const QList<LintFinding> &findings() const { return m_findings; }
    bool isChecking() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void checked(int findings);
    void toolActivated(const QString &toolId);

private:
    void show(const QList<LintFinding> &findings);

    QFutureWatcher<QList<LintFinding>> m_watcher;
    QList<LintFinding> m_findings;
};

} // namespace m1
