#include "firstrun.h"

#include "dialogs/welcomedialog.h"
#include "mainwindow.h"

#include <QAction>
#include <QMenuBar>
#include <QSettings>

namespace m1 {

FirstRun::FirstRun(MainWindow &window)
    : QObject(&window)
    , m_window(window)
{
    QMenu *help = window.menuBar()->addMenu(tr("&Help"));
    m_welcomeAction = help->addAction(tr("&Welcome to MobilityOne Console…"));
    m_welcomeAction->setObjectName(QStringLiteral("showWelcome"));
    connect(m_welcomeAction, &QAction::triggered, this, &FirstRun::showWelcome);
}

WelcomeDialog *FirstRun::dialog() const
{
    return m_dialog;
}

QString FirstRun::shownKey()
{
    return QStringLiteral("welcome/shown");
}

bool FirstRun::showIfFirstRun()
{
    QSettings settings;
    if (settings.value(shownKey(), false).toBool())
        return false;
    settings.setValue(shownKey(), true);
    showWelcome();
    return true;
}

void FirstRun::showWelcome()
{
    if (!m_dialog) {
        m_dialog = new WelcomeDialog(&m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &WelcomeDialog::settingsRequested, &m_window, &MainWindow::showSettings);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

} // namespace m1
