// The registry panel over a real engine: the demo loads off the GUI thread, and the table
// filters, sorts and opens tools by id.

#include "enginecontroller.h"
#include "mainwindow.h"
#include "panels/registrypanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestRegistryPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"MobilityOneTest"_s);
        QCoreApplication::setApplicationName(u"tst_registrypanel"_s);
        QStandardPaths::setTestModeEnabled(true);
    }

    void loadsTheDemoWithoutBlockingTheGuiThread()
    {
        m1::EngineController controller{m1::EngineConfig{}};
        m1::MainWindow window(controller);
        window.show();
        QSignalSpy ready(&controller, &m1::EngineController::snapshotReady);

        // A timer on the GUI thread keeps ticking while the engine parses on its own threads.
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(5);
        QElapsedTimer returned;
        returned.start();
        controller.reload();
        QVERIFY2(returned.elapsed() < 50, "reload() must return at once");
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60'000);
        QVERIFY2(ticks > 0, "the GUI event loop ran while the engine loaded");

        m1::RegistryPanel *panel = window.registryPanel();
        QTableView *table = panel->table();
        const int all = table->model()->rowCount();
        QVERIFY2(all >= 150, qPrintable(QString::number(all)));

        auto *filter = panel->findChild<QLineEdit *>();
        QVERIFY(filter);
        filter->setText(u"pool"_s);
        const int filtered = table->model()->rowCount();
        QVERIFY(filtered > 0);
        QVERIFY(filtered < all);
        filter->clear();
        QCOMPARE(table->model()->rowCount(), all);

        const QString someId = table->model()->index(all - 1, 0).data().toString();
        QVERIFY(panel->showTool(someId));
        QCOMPARE(table->currentIndex().siblingAtColumn(0).data().toString(), someId);
        auto *details = panel->findChild<QTextBrowser *>();
        QVERIFY(details);
        QVERIFY(details->toPlainText().contains(someId));
        QVERIFY(!panel->showTool(u"no-such-tool"_s));
    }

    void closingWhileLoadingNeitherCrashesNorHangs()
    {
        QElapsedTimer timer;
        timer.start();
        {
            m1::EngineController controller{m1::EngineConfig{}};
            controller.reload();
        }
        QVERIFY(timer.elapsed() < 60'000);
    }
};

QTEST_MAIN(TestRegistryPanel)
#include "tst_registrypanel.moc"
