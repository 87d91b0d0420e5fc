#pragma once

// Where the console keeps its secrets (API keys, WhatsApp tokens): one small interface, so the
// settings code does not care whether they sit in the desktop keychain or, in tests, in memory.
// Asynchronous, because a keychain answers over D-Bus and may first ask the user to unlock it:
// requests return at once and the answers come as signals.

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

namespace m1 {

class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Values = QHash<QString, QString>;

    using QObject::QObject;

    // Reads these keys; loaded() follows with those that have a value.
    virtual void load(const QStringList &keys) = 0;
    // Writes every key of `values`; an empty value forgets the key. saved() follows.
    virtual void save(const Values &values) = 0;
    // One line for the settings dialog when the secrets are not kept safely; empty when they are.
    virtual QString warning() const = 0;

Q_SIGNALS:
    void loaded(const m1::SecretStore::Values &values);
    // error is empty when every value was written.
    void saved(const QString &error);
    void warningChanged(const QString &warning);
};

} // namespace m1
