// The registry panel over a real engine: the demo loads off the GUI thread, and the table
// filters, sorts and opens tools by id.

#include "consoletestenv.h"
#include "enginecontroller.h"
#include "mainwindow.h"
#include "models/tooltablemodel.h"
#include "panels/registrypanel.h"
#include "widgets/lintlist.h"
#include "widgets/sourceseditor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

// One tool without a description whose required identifier nothing provides, and two tools
// whose summaries are the same words.
const char kPlantedSpec[] = R"(openapi: 3.0.3
info: {title: Planted, version: "1"}
paths:
  /widgets/{widgetId}:
    get:
      operationId: getWidget
      summary: Get one widget
      parameters:
        - {name: widgetId, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
  /gadgets:
    get:
      operationId: listGadgets
      summary: List every gadget of the fleet
      description: All gadgets.
      responses: {"200": {description: ok}}
  /gadgets/all:
    get:
      operationId: listAllGadgets
      summary: List every gadget of the fleet
      description: All gadgets again.
      responses: {"200": {description: ok}}
)";

const char kBrokenSpec[]
    = R"({"openapi":"3.0.3","info":{"title":"Bad","version":"1"},"paths":{"/things":{"get":"not an operation"}}})";

bool writeFile(const QString &path, const char *text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) > 0;
}

} // namespace

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

    void lintFindsPlantedProblemsAndLoadErrorsShowTheirPointer()
    {
        const m1::test::ConsoleTestEnv env(u"tst_registrypanel_lint"_s);
        QVERIFY(env.isValid());
        const QString planted = env.path(u"planted.yaml"_s);
        const QString broken = env.path(u"broken.json"_s);
        QVERIFY(writeFile(planted, kPlantedSpec));
        QVERIFY(writeFile(broken, kBrokenSpec));
        m1::EngineConfig config = env.config();
        config.specSources = {planted, broken};
        m1::EngineController controller(config);
        m1::MainWindow window(controller);
        window.show();
        QSignalSpy ready(&controller, &m1::EngineController::snapshotReady);
        controller.reload();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60'000);
        m1::RegistryPanel *panel = window.registryPanel();
        QCOMPARE(panel->table()->model()->rowCount(), 3);

        // The load problem names its file and where in it.
        QTreeWidget *problems = panel->problemsList();
        QCOMPARE(problems->topLevelItemCount(), 1);
        QCOMPARE(problems->topLevelItem(0)->text(1), u"broken.json"_s);
        QCOMPARE(problems->topLevelItem(0)->text(2), u"/paths/~1things/get"_s);

        // Every planted problem is found, and nothing else.
        m1::LintList *lint = panel->lintList();
        QTRY_VERIFY_WITH_TIMEOUT(!lint->isChecking() && !lint->findings().isEmpty(), 30'000);
        QStringList found;
        for (const m1::LintFinding &f : lint->findings())
            found.append(m1::RegistryLint::kindName(f.kind) + u": "_s + f.toolId);
        found.sort();
        const QStringList expected{u"Input no tool provides: getWidget"_s, u"Near-duplicate summary: listGadgets"_s,
                                   u"No description: getWidget"_s};
        QCOMPARE(found, expected);
        QCOMPARE(lint->topLevelItemCount(), 3);

        // A finding opens its tool.
        QTreeWidgetItem *item = lint->findItems(u"listGadgets"_s, Qt::MatchExactly, 1).value(0);
        QVERIFY(item);
        Q_EMIT lint->itemActivated(item, 0);
        QCOMPARE(panel->currentToolId(), u"listGadgets"_s);

        // Every tool is in the search index.
        const int column = m1::ToolTableModel::EmbeddingColumn;
        for (int row = 0; row < panel->table()->model()->rowCount(); ++row)
            QCOMPARE(panel->table()->model()->index(row, column).data().toString(), u"embedded"_s);

        // Removing the broken source reloads without it; adding it back brings it back.
        m1::SourcesEditor *sources = panel->sourcesEditor();
        QCOMPARE(sources->sources(), (QStringList{planted, broken}));
        Q_EMIT sources->removeRequested({broken});
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 60'000);
        QCOMPARE(controller.snapshot()->configuredSources, QStringList{planted});
        QCOMPARE(problems->topLevelItemCount(), 0);
        QCOMPARE(sources->list()->count(), 1);
        Q_EMIT sources->addRequested({broken});
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 3, 60'000);
        QCOMPARE(controller.snapshot()->configuredSources, (QStringList{planted, broken}));
        QCOMPARE(problems->topLevelItemCount(), 1);
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
