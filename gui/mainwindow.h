#pragma once

// m1-console's main window: one tab per panel, a status bar with the engine's state. It holds
// the settings in force (secrets read from a SecretStore) and hands the engine what it applies
// while running: the store, the sources, the embedding provider and planner, the webhook server.

#include "consolesettings.h"

#include "facade/enginesnapshot.h"
#include "facade/modelstatus.h"

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace m1 {

class EngineController;
class GraphPanel;
class SearchPanel;
class LogsPanel;
class MetricsPanel;
class SecretStore;
class SettingsDialog;
class SimulatorPanel;
class StatusIndicators;
class RegistryPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // secrets (not owned; must outlive the window) keeps the API keys and WhatsApp tokens; null:
    // a store in memory, so nothing is kept beyond this window.
    explicit MainWindow(EngineController &controller, SecretStore *secrets = nullptr, QWidget *parent = nullptr);

    // Whether the saved embedding provider, planner and webhook server are handed to the engine
    // once the secrets are read (default). main() turns it off when a --config file decides.
    // Call before the event loop runs.
    void setApplySavedSettingsAtStart(bool apply) { m_applyAtStart = apply; }
    // The settings in force, secrets included once they are read.
    const ConsoleSettings &settings() const { return m_settings; }
    bool secretsLoaded() const { return m_secretsLoaded; }

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
    // Saved already (also sent once the secrets are read); main() refreshes the log sink's
    // secrets from it.
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
    void connectSettings();
    void onSecretsLoaded(const QHash<QString, QString> &values);
    void onModelsChanged(const m1::ModelStatus &status);

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
    SecretStore *m_secretStore;
    ConsoleSettings m_settings;
    bool m_secretsLoaded = false;
    bool m_applyAtStart = true;
    // Applied before the store answered: secrets typed then win over what it finds, and fields
    // left empty then are not taken for "forget this secret".
    bool m_appliedBeforeLoad = false;
    QHash<QString, QString> m_secretOverrides;
    ModelStatus m_models;
};

} // namespace m1
