// Where the console's secrets go. The keychain store, run here without any keychain service on
// purpose (no D-Bus session), keeps them in the settings file instead, makes that file readable
// by its owner only, and says so in one line that the settings dialog shows. Values an earlier
// version left in the settings file are still found. The settings themselves never write a
// secret to the file when a store keeps them, and no widget shows one.

#include "consoletestenv.h"
#include "dialogs/settingsdialog.h"
#include "enginecontroller.h"
#include "mainwindow.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"
#include "widgets/secretfield.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSecretStorage : public QObject
{
    Q_OBJECT

private:
    static QString service() { return u"MobilityOneTest/tst_secretstorage"_s; }

private Q_SLOTS:
    void initTestCase()
    {
        // No session bus and no X11 to autolaunch one: the situation of an offscreen CI run.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/m1-no-session-bus");
        qunsetenv("DISPLAY");
    }

    void withoutAKeychainTheSettingsFileKeepsThem()
    {
        m1::test::ConsoleTestEnv env(u"tst_secretstorage"_s);
        QVERIFY(env.isValid());
        {
            m1::KeychainSecretStore store(service());
            QSignalSpy loaded(&store, &m1::SecretStore::loaded);
            QSignalSpy warned(&store, &m1::SecretStore::warningChanged);
            store.load({u"whatsapp/appSecret"_s});
            QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60'000);
            QVERIFY(loaded.constFirst().constFirst().value<m1::SecretStore::Values>().isEmpty());
            QVERIFY(store.isUsingSettingsFile());
            QCOMPARE(warned.count(), 1);
            QVERIFY2(store.warning().contains(QSettings().fileName()), qPrintable(store.warning()));

            QSignalSpy saved(&store, &m1::SecretStore::saved);
            store.save({{u"whatsapp/appSecret"_s, u"app-secret-value"_s}});
            QTRY_COMPARE(saved.count(), 1);
            QCOMPARE(saved.constFirst().constFirst().toString(), QString());
        }
        const QString file = QSettings().fileName();
        QCOMPARE(QSettings().value(u"whatsapp/appSecret"_s).toString(), u"app-secret-value"_s);
        const QFile::Permissions permissions = QFile::permissions(file);
        QVERIFY(permissions & QFile::ReadOwner);
        QVERIFY(!(permissions & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)));

        // A new store (the next start) finds it; an empty value forgets it.
        m1::KeychainSecretStore again(service());
        QSignalSpy loaded(&again, &m1::SecretStore::loaded);
        again.load({u"whatsapp/appSecret"_s, u"embedding/openaiKey"_s});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60'000);
        const auto values = loaded.constFirst().constFirst().value<m1::SecretStore::Values>();
        QCOMPARE(values, (m1::SecretStore::Values{{u"whatsapp/appSecret"_s, u"app-secret-value"_s}}));
        QSignalSpy saved(&again, &m1::SecretStore::saved);
        again.save({{u"whatsapp/appSecret"_s, QString()}});
        QTRY_COMPARE(saved.count(), 1);
        QVERIFY(!QSettings().contains(u"whatsapp/appSecret"_s));
    }

    void theDialogWarnsAndShowsNoSecret()
    {
        m1::test::ConsoleTestEnv env(u"tst_secretstorage"_s);
        QVERIFY(env.isValid());
        // What an earlier console left in plain text is still found.
        QSettings().setValue(u"embedding/openaiKey"_s, u"sk-legacy-0123456789"_s);
        m1::KeychainSecretStore store(service());
        m1::EngineController controller(env.config());
        m1::MainWindow window(controller, &store);
        QTRY_VERIFY_WITH_TIMEOUT(window.secretsLoaded(), 60'000);
        QCOMPARE(window.settings().openAiKey, u"sk-legacy-0123456789"_s);

        m1::SettingsDialog *dialog = window.settingsDialog();
        QLabel *warning = dialog->secretStorageWarning();
        QVERIFY(!warning->isHidden());
        QVERIFY2(warning->text().contains(u"unencrypted"_s), qPrintable(warning->text()));
        auto *key = dialog->findChild<m1::SecretField *>(u"openAiKey"_s);
        QVERIFY(key->isStored());
        for (QLineEdit *edit : dialog->findChildren<QLineEdit *>())
            QVERIFY(!edit->text().contains(u"sk-legacy"_s));
    }

    void aKeptStoreNeverReachesTheSettingsFile()
    {
        m1::test::ConsoleTestEnv env(u"tst_secretstorage"_s);
        QVERIFY(env.isValid());
        m1::MemorySecretStore store;
        m1::EngineController controller(env.config());
        m1::MainWindow window(controller, &store);
        QTRY_VERIFY(window.secretsLoaded());
        m1::SettingsDialog *dialog = window.settingsDialog();
        QVERIFY(dialog->secretStorageWarning()->isHidden());
        QTest::keyClicks(dialog->findChild<m1::SecretField *>(u"accessToken"_s)->edit(), u"EAAG-token-value"_s);
        QSignalSpy saved(&store, &m1::SecretStore::saved);
        dialog->apply();
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(store.values().value(u"whatsapp/accessToken"_s), u"EAAG-token-value"_s);
        QSettings().sync();
        QFile file(QSettings().fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("EAAG-token-value"));
    }
};

QTEST_MAIN(TestSecretStorage)
#include "tst_secretstorage.moc"
