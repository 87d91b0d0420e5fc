#pragma once

// The console's first start: the welcome is shown once (a flag in the settings) and can be
// opened again from Help. Kept out of MainWindow so that the window's own tests never meet a
// dialog they did not ask for; main() asks for it.

#include <QObject>
#include <QPointer>

class QAction;

namespace m1 {

class MainWindow;
class WelcomeDialog;

class FirstRun : public QObject
{
    Q_OBJECT

public:
    // Adds the Help menu to the window's menu bar; the welcome's "Open settings" opens the
    // window's settings dialog. Parented to the window.
    explicit FirstRun(MainWindow &window);

    // Shows the welcome unless it was shown before, and remembers that it now was.
    // True when it was shown.
    bool showIfFirstRun();
    // Shows (or raises) the welcome.
    void showWelcome();

    WelcomeDialog *dialog() const; // null until first shown, and after it was closed
    QAction *welcomeAction() const { return m_welcomeAction; }

    // The settings key that records that the welcome was shown.
    static QString shownKey();

private:
    MainWindow &m_window;
    QAction *m_welcomeAction;
    QPointer<WelcomeDialog> m_dialog;
};

} // namespace m1
