#include "mainwindow.h"

#include "enginecontroller.h"
#include "panels/registrypanel.h"

#include <QAction>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace m1 {

MainWindow::MainWindow(EngineController &controller, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_tabs(new QTabWidget(this))
    , m_registry(new RegistryPanel(this))
    , m_statusTools(new QLabel(this))
    , m_statusStore(new QLabel(this))
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

    createActions();
    restoreLayout();
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
    m_sources = snapshot->registry->sources();
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
    m_controller.setSpecSources(all);
    m_controller.reload();
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

} // namespace m1
