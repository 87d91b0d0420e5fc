#pragma once

// Secrets kept in this object only, for tests (and a window nobody gave a keychain). Answers are
// queued, as a real keychain's would be, so callers cannot come to rely on them being at once.

#include "secrets/secretstore.h"

namespace m1 {

class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void load(const QStringList &keys) override;
    void save(const Values &values) override;
    QString warning() const override { return {}; }

    const Values &values() const { return m_values; }

private:
    Values m_values;
};

} // namespace m1
