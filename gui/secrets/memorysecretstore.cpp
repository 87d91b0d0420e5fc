#include "secrets/memorysecretstore.h"

namespace m1 {

void MemorySecretStore::load(const QStringList &keys)
{
    Values found;
    for (const QString &key : keys) {
        if (const QString value = m_values.value(key); !value.isEmpty())
            found.insert(key, value);
    }
    QMetaObject::invokeMethod(this, [this, found] { Q_EMIT loaded(found); }, Qt::QueuedConnection);
}

void MemorySecretStore::save(const Values &values)
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (it.value().isEmpty())
            m_values.remove(it.key());
        else
            m_values.insert(it.key(), it.value());
    }
    QMetaObject::invokeMethod(this, [this] { Q_EMIT saved(QString()); }, Qt::QueuedConnection);
}

} // namespace m1
