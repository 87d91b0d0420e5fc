#pragma once

// Secrets in the desktop's keychain (Secret Service — GNOME Keyring, KWallet — through
// QtKeychain), one entry per key under the console's service name.
//
// When no keychain service answers at run time (no D-Bus session, no Secret Service provider:
// a bare server, an offscreen CI run), the secrets are not lost and not silently downgraded:
// they go to the console's settings file instead, that file is made readable by its owner only,
// and warning() says so in one line, which the settings dialog shows. A keychain that refuses
// access (the user declined to unlock it) is respected: nothing falls back to the file then,
// and the warning says the secrets could not be read or saved.
//
// Values found in the settings file while the keychain works (kept there by earlier versions,
// or by a run without a keychain) move into the keychain and leave the file.

#include "secrets/secretstore.h"

#include <QList>

#include <functional>
#include <memory>

namespace QKeychain {
class Job;
}

namespace m1 {

class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    // service: the keychain's name for the console's entries ("MobilityOne/m1-console").
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    void load(const QStringList &keys) override;
    void save(const Values &values) override;
    QString warning() const override { return m_warning; }

    bool isUsingSettingsFile() const { return m_mode == Mode::SettingsFile; }

private:
    enum class Mode { Unknown, Keychain, SettingsFile };
    struct Load;
    struct Save;

    // One request at a time, in order: a save right after a load sees what the load found.
    void enqueue(std::function<void()> step);
    void stepDone();
    void readNext(const std::shared_ptr<Load> &load);
    void writeNext(const std::shared_ptr<Save> &save);
    void onRead(const std::shared_ptr<Load> &load, const QString &key, QKeychain::Job *job);
    void onWritten(const std::shared_ptr<Save> &save, const QString &key, const QString &value,
                   QKeychain::Job *job);
    void moveIntoKeychain(const QString &key, const QString &value);
    // The keychain failed in a way that means there is none; the settings file takes over.
    bool isMissingKeychain(const QKeychain::Job *job) const;
    void useSettingsFile(const QString &reason);
    void refuse(const QString &reason);
    void setWarning(const QString &warning);

    const QString m_service;
    Mode m_mode = Mode::Unknown;
    QString m_warning;
    QList<std::function<void()>> m_steps;
    bool m_busy = false;
};

} // namespace m1
