// Closing the console while the simulator's workers have work (a burst of messages queued, or
// the pipeline still starting) neither crashes nor hangs: the engine stops its workers while
// its event loop still serves the store, then ends its thread. Runs on the managed
// redis-server, whose replies arrive on the engine's thread (the case that could deadlock).

#include "consoletestenv.h"
#include "enginecontroller.h"
#include "mainwindow.h"
#include "panels/simulatorpanel.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCloseWithWork : public QObject
{
    Q_OBJECT

private:
    QString store() const
    {
        return QStandardPaths::findExecutable(u"redis-server"_s).isEmpty() ? u"memory"_s : u"managed"_s;
    }

private Q_SLOTS:
    void closingDuringABurst()
    {
        m1::test::ConsoleTestEnv env(u"tst_closewithwork"_s);
        QVERIFY(env.isValid());
        QElapsedTimer closing;
        int shown = 0;
        {
            m1::EngineController controller(env.config(store()));
            auto window = std::make_unique<m1::MainWindow>(controller);
            window->show();
            m1::SimulatorPanel *panel = window->simulatorPanel();
            QSignalSpy turns(panel, &m1::SimulatorPanel::turnShown);
            controller.start();
            panel->sendText(u"hello"_s); // starts the simulator's workers
            QTRY_VERIFY_WITH_TIMEOUT(controller.simulatorStatus().ready, 60'000);
            for (int i = 0; i < 200; ++i)
                panel->sendText(u"Create a pool booking for tomorrow from 8 to 12"_s);
            // Some turns are running or done, most are still queued.
            QTRY_VERIFY_WITH_TIMEOUT(turns.count() >= 1, 60'000);
            shown = int(turns.count());
            closing.start();
            QVERIFY(window->close());
            window.reset();
        } // the controller goes here: it must come back
        qInfo("closed with %d of 200 turns shown, in %lld ms", shown, qint64(closing.elapsed()));
        QVERIFY(shown < 201);
    }

    void closingWhileTheSimulatorStarts()
    {
        m1::test::ConsoleTestEnv env(u"tst_closewithwork"_s);
        QVERIFY(env.isValid());
        QElapsedTimer closing;
        {
            m1::EngineController controller(env.config(store()));
            m1::MainWindow window(controller);
            window.show();
            controller.start();
            window.simulatorPanel()->sendText(u"hello"_s);
            // Wait only for the tools: the simulator may still be starting its workers.
            QSignalSpy ready(&controller, &m1::EngineController::snapshotReady);
            QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60'000);
            closing.start();
            window.close();
        }
        qInfo("closed while starting in %lld ms", qint64(closing.elapsed()));
    }

    void closingBeforeAnythingStarted()
    {
        m1::test::ConsoleTestEnv env(u"tst_closewithwork"_s);
        QVERIFY(env.isValid());
        m1::EngineController controller(env.config(store()));
        m1::MainWindow window(controller);
        window.show();
        controller.start();
        window.simulatorPanel()->sendText(u"hello"_s);
        window.close();
    }
};

QTEST_MAIN(TestCloseWithWork)
#include "tst_closewithwork.moc"
