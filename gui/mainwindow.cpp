#include "mainwindow.h"

#include "consolesettings.h"
#include "dialogs/settingsdialog.h"
#include "enginecontroller.h"
#include "enginesettings.h"
#include "panels/logspanel.h"
#include "panels/metricspanel.h"
#include "panels/simulatorpanel.h"
#include "widgets/statusindicators.h"
#include "panels/registrypanel.h"
#include "panels/graphpanel.h"
#include "panels/searchpanel.h"
#include "secrets/memorysecretstore.h"

#include <QAction>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace m1 {

MainWindow::MainWindow(EngineController &controller, SecretStore *secrets, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_tabs(new QTabWidget(this))
    , m_registry(new RegistryPanel(this))
    , m_statusTools(new QLabel(this))
    , m_statusStore(new QLabel(this))
    , m_secretStore(secrets ? secrets : new MemorySecretStore(this))
    , m_settings(ConsoleSettings::load(QSettings()))
{
    setWindowTitle(tr("MobilityOne Console"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_registry, tr("&Registry"));
    setCentralWidget(m_tabs);
    statusBar()->addPermanentWidget(m_statusStore);
    statusBar()->addPermanentWidget(m_statusTools);
    m_statusTools->setText(tr("Loading…"));

    connect(&m_controller, &EngineController::loadingStarted, m_registry, &RegistryPanel::setLoading);
    connect(&m_controller, &EngineController::snapshotReady, this, &MainWindow::onSnapshot);
    connect(&m_controller, &EngineController::storeChanged, this,
            [this](const QString &description, const QString &error) {
                m_statusStore->setText(error.isEmpty() ? tr("Store: %1").arg(description)
                                                       : tr("Store problem: %1").arg(error));
            });
    connect(m_registry, &RegistryPanel::reloadRequested, &m_controller, &EngineController::reload);
    connect(m_registry, &RegistryPanel::addSourcesRequested, this, &MainWindow::addSources);
    connect(m_registry, &RegistryPanel::removeSourcesRequested, this, &MainWindow::removeSources);

    createToolPanels();
    createEnginePanels();
    createActions();
    connectEnginePanels();
    connectSettings();
    restoreLayout();
}

void MainWindow::createEnginePanels()
{
    // After the registry, graph and search panels (Ctrl+1…3): simulator, metrics, logs.
    m_simulator = new SimulatorPanel(this);
    m_metrics = new MetricsPanel(this);
    m_logs = new LogsPanel(this);
    m_tabs->addTab(m_simulator, tr("Si&mulator"));
    m_tabs->addTab(m_metrics, tr("Me&trics"));
    m_tabs->addTab(m_logs, tr("&Logs"));
    m_indicators = new StatusIndicators(this);
    statusBar()->addPermanentWidget(m_indicators);
}

void MainWindow::connectEnginePanels()
{
    connect(&m_controller, &EngineController::metricsReady, m_metrics, &MetricsPanel::addSnapshot);
    connect(&m_controller, &EngineController::metricsReady, m_indicators, &StatusIndicators::addSnapshot);
    connect(&m_controller, &EngineController::logsReady, m_logs, &LogsPanel::addRecords);
    connect(&m_controller, &EngineController::simulatorReplied, m_simulator, &SimulatorPanel::showReply);
    connect(&m_controller, &EngineController::simulatorTurnFinished, m_simulator, &SimulatorPanel::showTurn);
    connect(&m_controller, &EngineController::simulatorStatusChanged, m_simulator, &SimulatorPanel::setStatus);
    connect(&m_controller, &EngineController::simulatorStatusChanged, m_indicators,
            &StatusIndicators::setSimulatorStatus);
    connect(m_simulator, &SimulatorPanel::sendRequested, &m_controller, &EngineController::sendSimulated);
    connect(m_simulator, &SimulatorPanel::backendChanged, &m_controller, &EngineController::setSimulatorBackend);
    connect(m_simulator, &SimulatorPanel::resetRequested, &m_controller,
            &EngineController::resetSimulatedConversation);
    m_controller.setSimulatorBackend(m_simulator->backend());
    connect(&m_controller, &EngineController::modelsChanged, this, &MainWindow::onModelsChanged);
    connect(&m_controller, &EngineController::webhookStatusChanged, m_indicators, &StatusIndicators::setWebhookStatus);

    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    QAction *configure = settingsMenu->addAction(tr("&Configure MobilityOne Console…"));
    configure->setShortcut(QKeySequence::Preferences);
    connect(configure, &QAction::triggered, this, &MainWindow::showSettings);
}

SettingsDialog *MainWindow::settingsDialog()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(this);
        m_settingsDialog->setSettings(m_settings);
        m_settingsDialog->setSecretStorageWarning(m_secretStore->warning());
        connect(m_secretStore, &SecretStore::warningChanged, m_settingsDialog,
                &SettingsDialog::setSecretStorageWarning);
        connect(m_settingsDialog, &SettingsDialog::applied, this, &MainWindow::applySettings);
    }
    return m_settingsDialog;
}

void MainWindow::showSettings()
{
    SettingsDialog *dialog = settingsDialog();
    dialog->setSettings(m_settings);
    dialog->open();
}

void MainWindow::connectSettings()
{
    connect(m_secretStore, &SecretStore::loaded, this, &MainWindow::onSecretsLoaded, Qt::SingleShotConnection);
    connect(m_secretStore, &SecretStore::saved, this, [this](const QString &error) {
        if (!error.isEmpty())
            statusBar()->showMessage(tr("The secrets were not saved: %1").arg(error));
    });
    m_secretStore->load(ConsoleSettings::secretKeys());
}

void MainWindow::onSecretsLoaded(const QHash<QString, QString> &values)
{
    QHash<QString, QString> merged = values;
    for (auto it = m_secretOverrides.cbegin(); it != m_secretOverrides.cend(); ++it)
        merged.insert(it.key(), it.value());
    const ConsoleSettings before = m_settings;
    m_settings.setSecretValues(merged);
    m_secretsLoaded = true;
    if (m_settingsDialog && !m_settingsDialog->isVisible())
        m_settingsDialog->setSettings(m_settings);
    Q_EMIT settingsApplied(m_settings); // the log sink masks them from now on
    if (m_appliedBeforeLoad) {
        // The engine has what was applied; it gets only what the stored secrets change.
        if (EngineSettings::modelsDiffer(m_settings, before))
            m_controller.applyModels(EngineSettings::models(m_settings));
        if (EngineSettings::webhookDiffers(m_settings, before))
            m_controller.setWebhook(EngineSettings::webhook(m_settings));
        return;
    }
    if (!m_applyAtStart)
        return;
    // What was saved last time, now that its keys are known (the defaults need nothing).
    if (EngineSettings::modelsDiffer(m_settings, ConsoleSettings()))
        m_controller.applyModels(EngineSettings::models(m_settings));
    if (m_settings.webhookEnabled)
        m_controller.setWebhook(EngineSettings::webhook(m_settings));
}

void MainWindow::applySettings(const ConsoleSettings &settings)
{
    QSettings stored;
    const ConsoleSettings before = m_settings;
    settings.save(stored);
    if (!m_secretsLoaded) {
        // The dialog did not know the stored secrets yet: an empty field means "unknown", not
        // "forget". Typed ones are saved and win over what the store finds.
        QHash<QString, QString> typed;
        const QHash<QString, QString> values = settings.secretValues();
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (!it.value().isEmpty())
                typed.insert(it.key(), it.value());
        }
        m_secretOverrides.insert(typed);
        m_appliedBeforeLoad = true;
        if (!typed.isEmpty())
            m_secretStore->save(typed);
    } else if (settings.secretValues() != before.secretValues()) {
        m_secretStore->save(settings.secretValues());
    }
    m_settings = settings;
    if (settings.storeUrl() != before.storeUrl())
        m_controller.setStore(settings.storeUrl());
    if (settings.specSources != before.specSources) {
        m_controller.setSpecSources(settings.specSources); // none: the bundled demo
        m_controller.reload();
    }
    // A part that was refused before is tried again, even unchanged (a server may be back).
    if (EngineSettings::modelsDiffer(settings, before) || !m_models.embeddingError.isEmpty()
        || !m_models.plannerError.isEmpty())
        m_controller.applyModels(EngineSettings::models(settings));
    if (EngineSettings::webhookDiffers(settings, before))
        m_controller.setWebhook(EngineSettings::webhook(settings));
    Q_EMIT settingsApplied(settings);
}

void MainWindow::onModelsChanged(const ModelStatus &status)
{
    // A new refusal is said once in the status bar's message area; the indicators keep a sign.
    for (const auto &[now, before] : {std::pair{status.embeddingError, m_models.embeddingError},
                                      std::pair{status.plannerError, m_models.plannerError}}) {
        if (!now.isEmpty() && now != before)
            statusBar()->showMessage(tr("Settings not applied: %1").arg(now), 30'000);
    }
    m_models = status;
    m_indicators->setModelStatus(status);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *reload = fileMenu->addAction(tr("&Reload sources"));
    reload->setShortcut(QKeySequence::Refresh);
    connect(reload, &QAction::triggered, &m_controller, &EngineController::reload);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_tabs->count(); ++i) {
        QAction *show = viewMenu->addAction(m_tabs->tabText(i));
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(show, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
    }
}

void MainWindow::onSnapshot(EngineSnapshotPtr snapshot)
{
    m_sources = snapshot->configuredSources;
    m_registry->setSnapshot(snapshot);
    m_statusTools->setText(tr("%n tool(s)", nullptr, snapshot->registry->size()));
}

void MainWindow::addSources(const QStringList &sources)
{
    QStringList all = m_sources;
    for (const QString &s : sources) {
        if (!all.contains(s))
            all.append(s);
    }
    applySources(all);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/panel"), 0).toInt());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/panel"), m_tabs->currentIndex());
    event->accept();
}

void MainWindow::createToolPanels()
{
    // Second and third tabs (Ctrl+2, Ctrl+3), after the registry.
    m_graph = new GraphPanel(this);
    m_search = new SearchPanel(m_controller, this);
    m_tabs->addTab(m_graph, tr("&Graph"));
    m_tabs->addTab(m_search, tr("S&earch"));
    connect(&m_controller, &EngineController::snapshotReady, m_graph, &GraphPanel::setSnapshot);
    connect(&m_controller, &EngineController::snapshotReady, m_search, &SearchPanel::setSnapshot);
    const auto openInRegistry = [this](const QString &toolId) {
        m_tabs->setCurrentWidget(m_registry);
        m_registry->showTool(toolId);
    };
    connect(m_graph, &GraphPanel::toolActivated, this, openInRegistry);
    connect(m_search, &SearchPanel::toolActivated, this, openInRegistry);
    connect(m_registry, &RegistryPanel::showInGraphRequested, this, [this](const QString &toolId) {
        m_tabs->setCurrentWidget(m_graph);
        m_graph->focusOn(toolId);
    });
}

void MainWindow::removeSources(const QStringList &sources)
{
    QStringList all = m_sources;
    for (const QString &s : sources)
        all.removeAll(s);
    applySources(all); // none left: the bundled demo
}

void MainWindow::applySources(const QStringList &sources)
{
    // The settings dialog shows and restores the same list.
    QSettings stored;
    ConsoleSettings settings = ConsoleSettings::load(stored);
    settings.specSources = sources;
    settings.save(stored);
    m_settings.specSources = sources;
    m_controller.setSpecSources(sources);
    m_controller.reload();
}

} // namespace m1
