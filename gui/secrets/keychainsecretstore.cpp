#include "secrets/keychainsecretstore.h"

#include <QFile>
#include <QSettings>

#include <qt6keychain/keychain.h>

namespace m1 {
namespace {

QString settingsFileValue(const QString &key)
{
    return QSettings().value(key).toString();
}

// The settings file holds secrets now: only its owner may read it.
void writeToSettingsFile(const QString &key, const QString &value)
{
    QSettings settings;
    if (value.isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, value);
    settings.sync();
    QFile::setPermissions(settings.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace

struct KeychainSecretStore::Load
{
    QStringList remaining;
    Values found;
};

struct KeychainSecretStore::Save
{
    QList<QPair<QString, QString>> remaining;
    QStringList errors;
};

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent), m_service(service)
{
}

void KeychainSecretStore::enqueue(std::function<void()> step)
{
    m_steps.append(std::move(step));
    if (!m_busy)
        stepDone();
}

void KeychainSecretStore::stepDone()
{
    m_busy = !m_steps.isEmpty();
    if (m_busy)
        m_steps.takeFirst()();
}

void KeychainSecretStore::load(const QStringList &keys)
{
    enqueue([this, keys] {
        auto load = std::make_shared<Load>();
        load->remaining = keys;
        readNext(load);
    });
}

void KeychainSecretStore::save(const Values &values)
{
    enqueue([this, values] {
        auto save = std::make_shared<Save>();
        for (auto it = values.begin(); it != values.end(); ++it)
            save->remaining.append({it.key(), it.value()});
        writeNext(save);
    });
}

void KeychainSecretStore::readNext(const std::shared_ptr<Load> &load)
{
    if (load->remaining.isEmpty()) {
        Q_EMIT loaded(load->found);
        stepDone();
        return;
    }
    const QString key = load->remaining.takeFirst();
    if (m_mode == Mode::SettingsFile) {
        if (const QString value = settingsFileValue(key); !value.isEmpty())
            load->found.insert(key, value);
        readNext(load);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this,
            [this, load, key](QKeychain::Job *finished) { onRead(load, key, finished); });
    job->start();
}

void KeychainSecretStore::onRead(const std::shared_ptr<Load> &load, const QString &key, QKeychain::Job *job)
{
    const QString inFile = settingsFileValue(key);
    switch (job->error()) {
    case QKeychain::NoError:
        m_mode = Mode::Keychain;
        load->found.insert(key, static_cast<QKeychain::ReadPasswordJob *>(job)->textData());
        if (!inFile.isEmpty())
            writeToSettingsFile(key, QString()); // a stale copy from a run without a keychain
        break;
    case QKeychain::EntryNotFound:
        m_mode = Mode::Keychain;
        if (!inFile.isEmpty()) {
            load->found.insert(key, inFile);
            moveIntoKeychain(key, inFile);
        }
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        refuse(job->errorString());
        break;
    default:
        if (isMissingKeychain(job)) {
            useSettingsFile(job->errorString());
            if (!inFile.isEmpty())
                load->found.insert(key, inFile);
        } else {
            refuse(job->errorString());
        }
        break;
    }
    readNext(load);
}

void KeychainSecretStore::moveIntoKeychain(const QString &key, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [key](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError)
            writeToSettingsFile(key, QString());
    });
    job->start();
}

void KeychainSecretStore::writeNext(const std::shared_ptr<Save> &save)
{
    if (save->remaining.isEmpty()) {
        Q_EMIT saved(save->errors.join(u"; "));
        stepDone();
        return;
    }
    const QPair<QString, QString> next = save->remaining.takeFirst();
    const QString key = next.first;
    const QString value = next.second;
    if (m_mode == Mode::SettingsFile) {
        writeToSettingsFile(key, value);
        writeNext(save);
        return;
    }
    QKeychain::Job *job = nullptr;
    if (value.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(m_service, this);
    } else {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(value);
        job = write;
    }
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this,
            [this, save, key, value](QKeychain::Job *finished) { onWritten(save, key, value, finished); });
    job->start();
}

void KeychainSecretStore::onWritten(const std::shared_ptr<Save> &save, const QString &key, const QString &value,
                                    QKeychain::Job *job)
{
    const QKeychain::Error error = job->error();
    if (error == QKeychain::NoError || (value.isEmpty() && error == QKeychain::EntryNotFound)) {
        m_mode = Mode::Keychain;
        if (!settingsFileValue(key).isEmpty())
            writeToSettingsFile(key, QString()); // the keychain has it now
    } else if (isMissingKeychain(job)) {
        useSettingsFile(job->errorString());
        writeToSettingsFile(key, value);
    } else {
        refuse(job->errorString());
        save->errors.append(key + u": " + job->errorString());
    }
    writeNext(save);
}

bool KeychainSecretStore::isMissingKeychain(const QKeychain::Job *job) const
{
    // NoBackendAvailable: neither libsecret nor KWallet. OtherError is how a missing D-Bus
    // session or Secret Service provider shows up through libsecret. Only before the keychain
    // has worked once: a later failure is that keychain's, not a missing one.
    const QKeychain::Error error = job->error();
    return m_mode != Mode::Keychain
        && (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
            || error == QKeychain::OtherError);
}

void KeychainSecretStore::useSettingsFile(const QString &reason)
{
    if (m_mode == Mode::SettingsFile)
        return;
    m_mode = Mode::SettingsFile;
    const QString file = QSettings().fileName();
    qWarning("secrets: no keychain service (%s); keeping them in %s, readable only by its owner",
             qPrintable(reason), qPrintable(file));
    // QtKeychain says "Unknown error" when there is no D-Bus session at all; that helps nobody.
    const QString why = reason.trimmed();
    if (why.isEmpty() || why == u"Unknown error")
        setWarning(tr("No keychain service is available, so secrets are stored unencrypted in %1, "
                      "readable only by you.")
                       .arg(file));
    else
        setWarning(tr("No keychain service is available (%1), so secrets are stored unencrypted in %2, "
                      "readable only by you.")
                       .arg(why, file));
}

void KeychainSecretStore::refuse(const QString &reason)
{
    setWarning(tr("The keychain refused access (%1): secrets could not be read or saved.").arg(reason.trimmed()));
}

void KeychainSecretStore::setWarning(const QString &warning)
{
    if (warning == m_warning)
        return;
    m_warning = warning;
    Q_EMIT warningChanged(m_warning);
}

} // namespace m1
