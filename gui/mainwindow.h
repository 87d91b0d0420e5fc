#pragma once

// m1-console's main window: one tab per panel, a status bar with the engine's state.

#include "facade/enginesnapshot.h"

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace m1 {

class EngineController;
class GraphPanel;
class SearchPanel;
class LogsPanel;
class MetricsPanel;
class SettingsDialog;
class SimulatorPanel;
class StatusIndicators;
struct ConsoleSettings;
class RegistryPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(EngineController &controller, QWidget *parent = nullptr);

    RegistryPanel *registryPanel() const { return m_registry; }
    GraphPanel *graphPanel() const { return m_graph; }
    SearchPanel *searchPanel() const { return m_search; }
    SimulatorPanel *simulatorPanel() const { return m_simulator; }
    MetricsPanel *metricsPanel() const { return m_metrics; }
    LogsPanel *logsPanel() const { return m_logs; }
    StatusIndicators *statusIndicators() const { return m_indicators; }
    // Created on first use; showSettings() opens it window-modal (no nested event loop).
    SettingsDialog *settingsDialog();
    void showSettings();

Q_SIGNALS:
    // Saved already; main() refreshes the log sink's secrets from it.
    void settingsApplied(const m1::ConsoleSettings &settings);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void onSnapshot(EngineSnapshotPtr snapshot);
    void addSources(const QStringList &sources);
    void createToolPanels();
    void removeSources(const QStringList &sources);
    void applySources(const QStringList &sources);
    void restoreLayout();
    void createEnginePanels();
    void connectEnginePanels();
    void applySettings(const ConsoleSettings &settings);

    EngineController &m_controller;
    QTabWidget *m_tabs;
    RegistryPanel *m_registry;
    QLabel *m_statusTools;
    QLabel *m_statusStore;
    QStringList m_sources;
    GraphPanel *m_graph = nullptr;
    SearchPanel *m_search = nullptr;
    SimulatorPanel *m_simulator = nullptr;
    MetricsPanel *m_metrics = nullptr;
    LogsPanel *m_logs = nullptr;
    StatusIndicators *m_indicators = nullptr;
    SettingsDialog *m_settingsDialog = nullptr;
};

} // namespace m1
