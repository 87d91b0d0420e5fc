// The console's own webhook server: enabled in the settings on a free loopback port, it runs
// the same assembly as `m1bot serve`. A signed WhatsApp POST goes through the real queue and
// workers, the reply reaches a fake Graph API, the pipeline's metrics count it and the status
// bar says where it listens; a port in use shows as an error there, and switching it off says
// off. Closing the window with the server running neither hangs nor crashes.

#include "consoletestenv.h"
#include "dialogs/settingsdialog.h"
#include "enginecontroller.h"
#include "mainwindow.h"
#include "secrets/memorysecretstore.h"
#include "widgets/secretfield.h"
#include "widgets/statusindicators.h"

#include "testsupport/fakegraphapiserver.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort(); // closed again when probe goes
}

quint64 counterValue(const m1::MetricsSnapshot &snapshot, const QString &name)
{
    const m1::CounterSample *c = snapshot.counter(name);
    return c ? c->value : 0;
}

} // namespace

class TestConsoleWebhook : public QObject
{
    Q_OBJECT

private:
    // Fills the WhatsApp page as a user would and applies it.
    static void configure(m1::SettingsDialog *dialog, const m1::FakeGraphApiServer &graph, quint16 port,
                          bool enabled)
    {
        const auto secret = [dialog](const QString &name, const QString &value) {
            auto *field = dialog->findChild<m1::SecretField *>(name);
            QVERIFY(field);
            if (!field->isStored())
                QTest::keyClicks(field->edit(), value);
        };
        secret(u"appSecret"_s, u"app-secret-for-tests"_s);
        secret(u"verifyToken"_s, u"verify-token-for-tests"_s);
        secret(u"accessToken"_s, u"test-token"_s); // what the fake Graph API expects
        dialog->findChild<QLineEdit *>(u"phoneNumberId"_s)->setText(u"106540352242922"_s);
        dialog->findChild<QLineEdit *>(u"graphApiUrl"_s)->setText(graph.baseUrl().toString());
        dialog->findChild<QGroupBox *>(u"webhookServer"_s)->setChecked(enabled);
        dialog->findChild<QLineEdit *>(u"webhookBind"_s)->setText(u"127.0.0.1"_s);
        dialog->findChild<QSpinBox *>(u"webhookPort"_s)->setValue(port);
        auto *executor = dialog->findChild<QComboBox *>(u"webhookExecutor"_s);
        executor->setCurrentIndex(executor->findData(u"sandbox"_s));
        dialog->apply();
    }

private Q_SLOTS:
    void receivesAndAnswersOverLoopback()
    {
        m1::test::ConsoleTestEnv env(u"tst_consolewebhook"_s);
        QVERIFY(env.isValid());
        m1::FakeGraphApiServer graph;
        QString error;
        QVERIFY2(graph.listen(&error), qPrintable(error));
        const quint16 port = freePort();
        QVERIFY(port != 0);

        m1::MemorySecretStore secrets;
        m1::EngineController controller(env.config());
        auto window = std::make_unique<m1::MainWindow>(controller, &secrets);
        window->show();
        QLabel *status = window->statusIndicators()->webhook();
        QCOMPARE(status->text(), u"Webhook: off"_s);
        QSignalSpy metrics(&controller, &m1::EngineController::metricsReady);
        controller.start();

        configure(window->settingsDialog(), graph, port, true);
        const QString address = u"127.0.0.1:"_s + QString::number(port);
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"Webhook: listening on "_s + address, 60'000);
        QCOMPARE(controller.webhookStatus().url, u"http://"_s + address + u"/webhook"_s);
        // The secrets went to the secret store, not the settings file.
        QCOMPARE(secrets.values().value(u"whatsapp/appSecret"_s), u"app-secret-for-tests"_s);

        // Meta's POST, signed with the app secret.
        const auto post = m1::WebhookPayloadBuilder().text(u"385911234567"_s, u"hello"_s).sign("app-secret-for-tests");
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(u"http://"_s + address + u"/webhook"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("X-Hub-Signature-256", post.signature);
        std::unique_ptr<QNetworkReply> reply(network.post(request, post.body));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30'000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

        // A wrongly signed one is refused before anything is queued.
        std::unique_ptr<QNetworkReply> forged(network.post(request, post.body + ' '));
        QTRY_VERIFY_WITH_TIMEOUT(forged->isFinished(), 30'000);
        QCOMPARE(forged->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);

        // The reply reaches the Graph API, addressed to the sender, with the access token.
        QTRY_VERIFY_WITH_TIMEOUT(graph.succeededCount() >= 1, 60'000);
        const m1::FakeGraphApiServer::Request &sent = graph.requests().constFirst();
        QCOMPARE(sent.json.value(u"to"_s).toString(), u"385911234567"_s);
        QCOMPARE(sent.authorization, QByteArray("Bearer test-token"));

        // Through the real workers: the pipeline counted the message.
        QTRY_VERIFY_WITH_TIMEOUT(!metrics.isEmpty()
                                     && counterValue(metrics.constLast().constFirst().value<m1::MetricsSnapshot>(),
                                                     u"m1_pipeline_messages_total"_s) >= 1,
                                 30'000);

        // A port someone else holds: the status bar says so, in the engine's words.
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        configure(window->settingsDialog(), graph, squatter.serverPort(), true);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"Webhook: error: cannot listen on 127.0.0.1:"_s
                                                           + QString::number(squatter.serverPort())),
                                 60'000);
        QVERIFY2(status->toolTip().contains(u"in use"_s), qPrintable(status->toolTip()));

        // Back on the free port, then closed with the server running: no hang, no crash.
        configure(window->settingsDialog(), graph, port, true);
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"Webhook: listening on "_s + address, 60'000);
        configure(window->settingsDialog(), graph, port, false);
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"Webhook: off"_s, 60'000);
        configure(window->settingsDialog(), graph, port, true);
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"Webhook: listening on "_s + address, 60'000);
        window->close();
        window.reset();
    }

    void missingSecretsAreNamed()
    {
        m1::test::ConsoleTestEnv env(u"tst_consolewebhook"_s);
        QVERIFY(env.isValid());
        m1::MemorySecretStore secrets;
        m1::EngineController controller(env.config());
        m1::MainWindow window(controller, &secrets);
        controller.start();
        m1::SettingsDialog *dialog = window.settingsDialog();
        dialog->findChild<QGroupBox *>(u"webhookServer"_s)->setChecked(true);
        dialog->findChild<QSpinBox *>(u"webhookPort"_s)->setValue(freePort());
        dialog->apply();
        QLabel *status = window.statusIndicators()->webhook();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"Webhook: error:"_s), 60'000);
        QVERIFY2(status->toolTip().contains(u"the app secret"_s), qPrintable(status->toolTip()));
        QVERIFY2(status->toolTip().contains(u"the access token"_s), qPrintable(status->toolTip()));
    }
};

QTEST_MAIN(TestConsoleWebhook)
#include "tst_consolewebhook.moc"
