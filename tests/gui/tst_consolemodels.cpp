// The settings' embedding provider and planner are applied by the running engine: the LLM
// planner pointed at a fake OpenAI chat server plans the simulator's turns (and the metrics
// count its requests), an OpenAI-compatible embedding provider rebuilds the search, and a part
// without its API key is refused with a reason while the old one keeps running. The status bar
// shows what runs.

#include "consoletestenv.h"
#include "dialogs/settingsdialog.h"
#include "enginecontroller.h"
#include "mainwindow.h"
#include "panels/simulatorpanel.h"
#include "secrets/memorysecretstore.h"
#include "widgets/secretfield.h"
#include "widgets/statusindicators.h"

#include "testsupport/fakechatcompletionsserver.h"
#include "testsupport/fakeopenaiserver.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

quint64 counterValue(const QSignalSpy &metrics, const QString &name)
{
    if (metrics.isEmpty())
        return 0;
    const auto snapshot = metrics.constLast().constFirst().value<m1::MetricsSnapshot>();
    const m1::CounterSample *c = snapshot.counter(name);
    return c ? c->value : 0;
}

void choose(m1::SettingsDialog *dialog, const QString &combo, const QString &value)
{
    auto *box = dialog->findChild<QComboBox *>(combo);
    QVERIFY(box);
    box->setCurrentIndex(box->findData(value));
    QCOMPARE(box->currentData().toString(), value);
}

} // namespace

class TestConsoleModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Keys come from the settings here, never from the machine running the test.
        qunsetenv("M1_LLM_API_KEY");
        qunsetenv("OPENAI_API_KEY");
    }

    void plannerAndEmbeddingFollowTheSettings()
    {
        m1::test::ConsoleTestEnv env(u"tst_consolemodels"_s);
        QVERIFY(env.isValid());
        m1::FakeChatCompletionsServer chat;
        QString error;
        QVERIFY2(chat.listen(&error), qPrintable(error));
        chat.setApiKey(u"chat-key-for-tests"_s);
        chat.setDefaultAnswer(m1::FakeChatCompletionsServer::Answer::text(u"NONE"_s));
        m1::FakeOpenAiServer embeddings;
        embeddings.setApiKey(u"embedding-key-for-tests"_s);
        embeddings.setDimension(1536); // what text-embedding-3-small gives
        QVERIFY(embeddings.listen());

        m1::MemorySecretStore secrets;
        m1::EngineController controller(env.config());
        m1::MainWindow window(controller, &secrets);
        window.show();
        QSignalSpy ready(&controller, &m1::EngineController::snapshotReady);
        QSignalSpy rebuilt(&controller, &m1::EngineController::searchRebuilt);
        QSignalSpy metrics(&controller, &m1::EngineController::metricsReady);
        controller.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60'000);
        m1::StatusIndicators *indicators = window.statusIndicators();
        QTRY_COMPARE(indicators->embedding()->text(), u"Embedding: local"_s);
        QCOMPARE(indicators->planner()->text(), u"Planner: rules"_s);

        // The LLM planner without a key: refused, the rules keep planning, the bar says why.
        m1::SettingsDialog *dialog = window.settingsDialog();
        choose(dialog, u"planner"_s, u"llm"_s);
        choose(dialog, u"plannerProvider"_s, u"openai"_s);
        dialog->findChild<QLineEdit *>(u"plannerEndpoint"_s)->setText(chat.baseUrl().toString());
        dialog->findChild<QLineEdit *>(u"plannerModel"_s)->setText(u"gpt-test"_s);
        dialog->apply();
        QTRY_VERIFY_WITH_TIMEOUT(indicators->planner()->text().contains(u"⚠"_s), 30'000);
        QVERIFY(indicators->planner()->text().startsWith(u"Planner: rules"_s));
        QVERIFY2(indicators->planner()->toolTip().contains(u"no API key"_s), qPrintable(indicators->planner()->toolTip()));
        QVERIFY2(window.statusBar()->currentMessage().contains(u"no API key"_s),
                 qPrintable(window.statusBar()->currentMessage()));

        // With its key: the LLM plans the simulator's turn, and its requests are counted.
        QTest::keyClicks(dialog->findChild<m1::SecretField *>(u"plannerKey"_s)->edit(), u"chat-key-for-tests"_s);
        dialog->apply();
        QTRY_COMPARE_WITH_TIMEOUT(indicators->planner()->text(), u"Planner: LLM"_s, 30'000);
        QVERIFY(indicators->planner()->toolTip().contains(u"openai gpt-test"_s));
        QSignalSpy turns(&controller, &m1::EngineController::simulatorTurnFinished);
        window.simulatorPanel()->sendText(u"how many km does my car have"_s);
        QTRY_COMPARE_WITH_TIMEOUT(turns.count(), 1, 60'000);
        const auto turn = turns.constFirst().constFirst().value<m1::SimulatorTurn>();
        QVERIFY2(turn.trace.planner == u"llm"_s || turn.trace.planner == u"rules-fallback"_s,
                 qPrintable(turn.trace.planner));
        QVERIFY(chat.requestCount() >= 1);
        QCOMPARE(chat.requests().constFirst().userMessage(), u"how many km does my car have"_s);
        QTRY_VERIFY_WITH_TIMEOUT(counterValue(metrics, u"agent.llm.requests"_s) >= 1, 30'000);

        // An OpenAI-compatible embedding provider without a key: refused, local stays.
        choose(dialog, u"embeddingProvider"_s, u"openai"_s);
        dialog->findChild<QLineEdit *>(u"openAiBaseUrl"_s)->setText(embeddings.baseUrl().toString());
        dialog->apply();
        QTRY_VERIFY_WITH_TIMEOUT(indicators->embedding()->text().contains(u"⚠"_s), 30'000);
        QVERIFY(indicators->embedding()->text().startsWith(u"Embedding: local"_s));
        QVERIFY2(indicators->embedding()->toolTip().contains(u"no API key"_s),
                 qPrintable(indicators->embedding()->toolTip()));
        QCOMPARE(embeddings.requestCount(), 0);

        // With its key: the search is rebuilt through it, and the bar says OpenAI.
        const qsizetype rebuildsBefore = rebuilt.count();
        QTest::keyClicks(dialog->findChild<m1::SecretField *>(u"openAiKey"_s)->edit(), u"embedding-key-for-tests"_s);
        dialog->apply();
        QTRY_COMPARE_WITH_TIMEOUT(indicators->embedding()->text(), u"Embedding: OpenAI"_s, 60'000);
        QVERIFY(rebuilt.count() > rebuildsBefore);
        QVERIFY(embeddings.requestCount() >= 1);
        QCOMPARE(controller.modelStatus().dimension, 1536);
        QTRY_VERIFY_WITH_TIMEOUT(counterValue(metrics, u"embedding.requests"_s) >= 1, 30'000);

        // Back to the defaults: local and the rules, nothing refused.
        choose(dialog, u"embeddingProvider"_s, u"local"_s);
        choose(dialog, u"planner"_s, u"rules"_s);
        dialog->apply();
        QTRY_COMPARE_WITH_TIMEOUT(indicators->embedding()->text(), u"Embedding: local"_s, 60'000);
        QTRY_COMPARE_WITH_TIMEOUT(indicators->planner()->text(), u"Planner: rules"_s, 30'000);
        QVERIFY(controller.modelStatus().embeddingError.isEmpty());
        QVERIFY(controller.modelStatus().plannerError.isEmpty());
    }
};

QTEST_MAIN(TestConsoleModels)
#include "tst_consolemodels.moc"
