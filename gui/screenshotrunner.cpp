#include "screenshotrunner.h"

#include "enginecontroller.h"
#include "mainwindow.h"
#include "panels/graphpanel.h"
#include "panels/registrypanel.h"
#include "panels/searchpanel.h"
#include "simulatorscript.h"

#include <QDir>
#include <QTabWidget>
#include <QTimer>

namespace m1 {

ScreenshotRunner::ScreenshotRunner(EngineController &controller, MainWindow &window, QString directory,
                                   QObject *parent)
    : QObject(parent), m_window(window), m_directory(std::move(directory))
{
    // Once the first snapshot is shown, a short booking in the simulator gives its panel, the
    // metrics and the logs real content; pictures follow after a metrics tick or two.
    connect(&controller, &EngineController::snapshotReady, this, [this] {
        auto *script = new SimulatorScript(*m_window.simulatorPanel(), SimulatorScript::bookingConversation(), this);
        connect(script, &SimulatorScript::finished, this, [this](bool ok, const QString &why) {
            if (!ok)
                qWarning("screenshots: the scripted conversation stopped: %s", qPrintable(why));
            QTimer::singleShot(4000, this, &ScreenshotRunner::capture);
        });
        script->start();
    }, Qt::SingleShotConnection);
    connect(&controller, &EngineController::snapshotReady, this, &ScreenshotRunner::prepareToolPanels,
            Qt::SingleShotConnection);
}

void ScreenshotRunner::prepareToolPanels()
{
    GraphPanel *graph = m_window.graphPanel();
    graph->setShowAll(false);
    graph->setHops(1);
    if (!graph->focusOn(QStringLiteral("createPoolBooking")))
        qWarning("screenshots: no createPoolBooking tool to focus the graph on");
    m_window.searchPanel()->setQuery(QStringLiteral("book a car for tomorrow"));
    m_window.registryPanel()->showLint();
}

bool ScreenshotRunner::toolPanelsSettled() const
{
    return !m_window.graphPanel()->isLayoutPending() && !m_window.searchPanel()->isSearchPending();
}

void ScreenshotRunner::capture()
{
    // The first search ran while the engine was still starting and the scripted conversation
    // kept the workers busy (cold caches: milliseconds); the picture should show the time an
    // admin sees when typing, so the query runs once more before the capture.
    if (m_settleChecks == 0)
        m_window.searchPanel()->searchAgain();
    // Layouts and searches run on workers; give them a little longer when the machine is busy.
    if (!toolPanelsSettled() && ++m_settleChecks < 100) {
        QTimer::singleShot(100, this, &ScreenshotRunner::capture);
        return;
    }
    if (!QDir().mkpath(m_directory)) {
        qWarning("cannot create the screenshot folder %s", qPrintable(m_directory));
        Q_EMIT finished(1);
        return;
    }
    auto *tabs = m_window.findChild<QTabWidget *>();
    int failures = 0;
    for (int i = 0; tabs && i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        const QString name = tabs->widget(i)->objectName().isEmpty() ? QString::number(i)
                                                                       : tabs->widget(i)->objectName();
        const QString file = QDir(m_directory).filePath(u"m1-console-" + name + u".png");
        if (!m_window.grab().save(file))
            ++failures;
    }
    Q_EMIT finished(failures == 0 ? 0 : 1);
}

} // namespace m1
