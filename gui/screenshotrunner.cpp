#include "screenshotrunner.h"

#include "enginecontroller.h"
#include "mainwindow.h"

#include <QDir>
#include <QTabWidget>
#include <QTimer>

namespace m1 {

ScreenshotRunner::ScreenshotRunner(EngineController &controller, MainWindow &window, QString directory,
                                   QObject *parent)
    : QObject(parent), m_window(window), m_directory(std::move(directory))
{
    // Pictures are taken once the first snapshot is shown; a short delay lets layouts settle.
    connect(&controller, &EngineController::snapshotReady, this,
            [this] { QTimer::singleShot(300, this, &ScreenshotRunner::capture); },
            Qt::SingleShotConnection);
}

void ScreenshotRunner::capture()
{
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
