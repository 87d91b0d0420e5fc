#pragma once

// `m1-console --screenshot-dir DIR`: once the engine has loaded, writes one PNG per panel
// into DIR and quits. Used for the README's pictures and to look at the console headless.

#include <QObject>
#include <QString>

namespace m1 {

class EngineController;
class MainWindow;

class ScreenshotRunner : public QObject
{
    Q_OBJECT

public:
    ScreenshotRunner(EngineController &controller, MainWindow &window, QString directory,
                     QObject *parent = nullptr);

Q_SIGNALS:
    // exitCode 0 when every picture was written.
    void finished(int exitCode);

private:
    void capture();
    // The graph focused on a booking tool and a ranked query in the search panel.
    void prepareToolPanels();
    bool toolPanelsSettled() const;

    MainWindow &m_window;
    QString m_directory;
    int m_settleChecks = 0;
};

} // namespace m1
