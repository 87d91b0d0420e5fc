// Settings made in the dialog are saved and come back in a new main window; secrets are kept
// (here by one in-memory secret store both windows share, as the keychain would) but never put
// into a widget in clear.

#include "consoletestenv.h"
#include "core/clock.h"
#include "core/logsink.h"
#include "dialogs/settingsdialog.h"
#include "enginecontroller.h"
#include "mainwindow.h"
#include "secrets/memorysecretstore.h"
#include "widgets/secretfield.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSettingsPersist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settingsSurviveANewWindow()
    {
        m1::test::ConsoleTestEnv env(u"tst_settingspersist"_s);
        QVERIFY(env.isValid());
        const QString secret = u"sk-test-0123456789abcdef"_s;
        m1::MemorySecretStore secrets;
        {
            m1::EngineController controller(env.config());
            m1::MainWindow window(controller, &secrets);
            QTRY_VERIFY(window.secretsLoaded());
            m1::SettingsDialog *dialog = window.settingsDialog();
            QSignalSpy applied(&window, &m1::MainWindow::settingsApplied);
            QSignalSpy stores(&controller, &m1::EngineController::storeChanged);
            m1::ConsoleSettings s = dialog->settings();
            QCOMPARE(s.storeKind, m1::ConsoleSettings::StoreKind::Managed); // the default

            // Edit through the widgets, as a user would.
            dialog->findChild<QRadioButton *>(u"storeMemory"_s)->setChecked(true);
            auto *provider = dialog->findChild<QComboBox *>(u"embeddingProvider"_s);
            provider->setCurrentIndex(provider->findData(u"openai"_s));
            QCOMPARE(dialog->findChildren<m1::SecretField *>().size(), 6); // 3 API keys, 3 WhatsApp secrets
            auto *key = dialog->findChild<m1::SecretField *>(u"openAiKey"_s);
            QTest::keyClicks(key->edit(), secret);
            QCOMPARE(key->edit()->echoMode(), QLineEdit::Password);
            auto *sources = dialog->findChild<QListWidget *>(u"specSources"_s);
            sources->addItem(u"/srv/specs/fleet.yaml"_s);
            dialog->apply();
            QCOMPARE(applied.count(), 1);
            // A different store is opened through the engine at once.
            QTRY_VERIFY(!stores.isEmpty() && stores.constLast().constFirst().toString().startsWith(u"memory"_s));
            // Applied: the typed secret left the widget, which now only says it is set.
            QVERIFY(key->edit()->text().isEmpty());
            QCOMPARE(key->indicator()->text(), u"set"_s);
        }
        {
            m1::EngineController controller(env.config());
            m1::MainWindow window(controller, &secrets);
            QTRY_VERIFY(window.secretsLoaded());
            const m1::ConsoleSettings s = window.settingsDialog()->settings();
            QCOMPARE(s.storeKind, m1::ConsoleSettings::StoreKind::Memory);
            QCOMPARE(s.storeUrl(), u"memory"_s);
            QCOMPARE(s.embeddingProvider, u"openai"_s);
            QCOMPARE(s.openAiKey, secret);
            QCOMPARE(s.specSources, QStringList{u"/srv/specs/fleet.yaml"_s});
            QVERIFY(s.secrets().contains(secret));

            auto *key = window.settingsDialog()->findChild<m1::SecretField *>(u"openAiKey"_s);
            QVERIFY(key->isStored());
            QVERIFY(key->edit()->text().isEmpty()); // never shown, not even masked
            QCOMPARE(key->indicator()->text(), u"set"_s);
            QCOMPARE(window.settingsDialog()->findChild<m1::SecretField *>(u"azureKey"_s)->indicator()->text(),
                     u"not set"_s);
            // Keeping the stored value needs no typing.
            QCOMPARE(key->resolve(s.openAiKey), secret);

            // What main() hands the log sink: a secret that slips into a message is masked.
            const m1::SystemClock clock;
            m1::LogSinkOptions options;
            options.install = false;
            options.secrets = s.secrets();
            m1::LogSink sink(clock, options);
            sink.write(QtWarningMsg, QMessageLogContext(), u"calling OpenAI with key "_s + secret);
            QVERIFY(!sink.recent().constLast().message.contains(secret));
        }
    }
};

QTEST_MAIN(TestSettingsPersist)
#include "tst_settingspersist.moc"
