#pragma once

// How a RedisStore connects and reports: reconnect backoff, the client name Redis shows, the
// prefix of its metrics. Timeouts come from the StoreUrl (connect_timeout_ms, command_timeout_ms).

#include <QByteArray>
#include <QString>

namespace m1 {

struct RedisStoreOptions
{
    int backoffInitialMs = 100; // first retry after a failure
    int backoffMaxMs = 5000; // doubling stops here
    quint32 jitterSeed = 0; // 0 → random; tests fix it
    QByteArray clientName = QByteArrayLiteral("m1");
    QString metricsPrefix = QStringLiteral("store");
    bool connectOnStart
        = true; // false: wait for RedisStore::connectNow() (managed server still starting)
};

} // namespace m1
