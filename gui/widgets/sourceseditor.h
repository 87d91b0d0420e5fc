#pragma once

// The registry's spec sources (files, folders, URLs) as configured: add, remove, reload. The
// editor only asks; whoever owns the engine's configuration applies the change.

#include <QWidget>

class QListWidget;
class QPushButton;

namespace m1 {

class SourcesEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SourcesEditor(QWidget *parent = nullptr);

    void setSources(const QStringList &sources);
    QStringList sources() const { return m_sources; }
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void addRequested(const QStringList &sources);
    void removeRequested(const QStringList &sources);
    void reloadRequested();

private:
    void askForFiles();
    void askForFolder();
    void askForUrl();
    void removeSelected();

    QListWidget *m_list;
    QPushButton *m_remove;
    QStringList m_sources;
};

} // namespace m1
