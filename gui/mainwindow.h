#pragma once

// m1-console's main window: one tab per panel, a status bar with the engine's state.

#include "facade/enginesnapshot.h"

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace m1 {

class EngineController;
class RegistryPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(EngineController &controller, QWidget *parent = nullptr);

    RegistryPanel *registryPanel() const { return m_registry; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void onSnapshot(EngineSnapshotPtr snapshot);
    void addSources(const QStringList &sources);
    void restoreLayout();

    EngineController &m_controller;
    QTabWidget *m_tabs;
    RegistryPanel *m_registry;
    QLabel *m_statusTools;
    QLabel *m_statusStore;
    QStringList m_sources;
};

} // namespace m1
