#pragma once

// What --store opens: the store itself plus whatever keeps it alive (the managed redis-server).
// One call turns a StoreUrl into a usable KeyValueStore:
//
//   auto backend = StoreBackend::open(url, {dataDir, clock, metrics, engineThread});
//   backend->ready().then(context, [](const QString &error) { ... });  // "" when usable
//   KeyValueStore &store = backend->store();       // valid at once; commands queue or fail fast
//   statusLine(backend->description());             // "redis unix:///…/redis.sock (managed, …)"
//
// managed without redis-server installed falls back to the memory store and says so.

#include "store/keyvaluestore.h"
#include "store/storeurl.h"

#include <QFuture>
#include <QObject>

#include <memory>

class QThread;

namespace m1 {

class Clock;
class ManagedRedisServer;
class MetricsRegistry;

struct StoreEnvironment
{
    QString dataDir; // managed: where the socket, redis.conf and the AOF live
    const Clock &clock;
    MetricsRegistry &metrics;
    QThread *ioThread = nullptr; // Redis I/O thread (the engine thread); nullptr → one of its own
};

class StoreBackend final : public QObject
{
    Q_OBJECT
public:
    ~StoreBackend() override;

    static std::unique_ptr<StoreBackend> open(const StoreUrl &url,
                                              const StoreEnvironment &environment);

    KeyValueStore &store() { return *m_store; }
    std::shared_ptr<KeyValueStore> sharedStore() const { return m_store; }
    QString description() const { return m_store->description(); }
    // Finishes with "" once the store can be used, or with what went wrong (managed server
    // failed to start). A redis:// store is "ready" at once and connects in the background.
    QFuture<QString> ready() const { return m_ready; }
    StoreUrl::Kind kind() const { return m_kind; }

private:
    StoreBackend() = default;

    StoreUrl::Kind m_kind = StoreUrl::Kind::Memory;
    std::unique_ptr<ManagedRedisServer> m_server; // declared before the store: destroyed after it
    std::shared_ptr<KeyValueStore> m_store;
    QFuture<QString> m_ready;
};

} // namespace m1
