// The console's first start shows the welcome once; later starts do not, and Help brings it
// back. The main window alone never opens it (its other tests meet no dialog).

#include "consoletestenv.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/welcomedialog.h"
#include "enginecontroller.h"
#include "firstrun.h"
#include "mainwindow.h"

#include <QAction>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTest>

using namespace Qt::StringLiterals;

class TestWelcome : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shownOnTheFirstStartOnly()
    {
        m1::test::ConsoleTestEnv env(u"tst_welcome"_s);
        QVERIFY(env.isValid());
        {
            m1::EngineController controller(env.config());
            m1::MainWindow window(controller);
            QVERIFY(!window.findChild<m1::WelcomeDialog *>()); // not by the window itself
            auto *firstRun = new m1::FirstRun(window);
            window.show();
            QVERIFY(firstRun->showIfFirstRun());
            m1::WelcomeDialog *welcome = firstRun->dialog();
            QVERIFY(welcome);
            QVERIFY(QTest::qWaitForWindowExposed(welcome));
            QVERIFY(!welcome->isModal()); // the panels it explains stay usable

            // It explains every panel, and how to leave the demo.
            const QString text = welcome->text();
            for (const QString &panel : {u"Registry"_s, u"Graph"_s, u"Search"_s, u"Simulator"_s, u"Metrics"_s, u"Logs"_s})
                QVERIFY2(text.contains(panel + u": "_s), qPrintable(panel));
            for (const QString &hint : {u"demo"_s, u"Sources"_s, u"OpenAPI"_s, u"M1_API_TOKEN"_s, u"WhatsApp"_s,
                                        u"phone number ID"_s, u"/etc/m1bot"_s})
                QVERIFY2(text.contains(hint), qPrintable(hint));

            // "Open Settings" closes it and opens the settings dialog.
            auto *open = welcome->findChild<QPushButton *>(u"openSettings"_s);
            QVERIFY(open);
            QTest::mouseClick(open, Qt::LeftButton);
            QTRY_VERIFY(window.settingsDialog()->isVisible());
            QTRY_VERIFY(!firstRun->dialog()); // deleted on close
            QVERIFY(QSettings().value(m1::FirstRun::shownKey()).toBool());
        }
        {
            // The second start: not again, but Help → Welcome still opens it.
            m1::EngineController controller(env.config());
            m1::MainWindow window(controller);
            auto *firstRun = new m1::FirstRun(window);
            window.show();
            QVERIFY(!firstRun->showIfFirstRun());
            QVERIFY(!firstRun->dialog());

            QAction *help = nullptr;
            for (QAction *menu : window.menuBar()->actions()) {
                if (menu->text().remove(u'&') == u"Help"_s)
                    help = menu;
            }
            QVERIFY(help && help->menu());
            QVERIFY(help->menu()->actions().contains(firstRun->welcomeAction()));
            QCOMPARE(window.menuBar()->actions().constLast(), help); // the last menu, by convention
            firstRun->welcomeAction()->trigger();
            QVERIFY(firstRun->dialog());
            QVERIFY(QTest::qWaitForWindowExposed(firstRun->dialog()));
        }
    }
};

QTEST_MAIN(TestWelcome)
#include "tst_welcome.moc"
