#include "store/storebackend.h"

#include "core/logcategories.h"
#include "store/managedredisserver.h"
#include "store/memorystore.h"
#include "store/redisstore.h"

#include <QFuture>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

class FallbackMemoryStore final : public KeyValueStore
{
public:
    FallbackMemoryStore(const Clock &clock, MetricsRegistry &metrics, QString why)
        : m_store(clock, metrics)
        , m_why(std::move(why))
    {
    }
    QFuture<QList<RedisReply>> pipeline(const QList<RedisCommand> &commands) override
    {
        return m_store.pipeline(commands);
    }
    QString description() const override { return m_store.description() + u" — "_s + m_why; }
    bool isConnected() const override { return true; }

private:
    MemoryStore m_store;
    QString m_why;
};

} // namespace

StoreBackend::~StoreBackend()
{
    m_store.reset(); // close the connection before the server it talks to goes away
    m_server.reset();
}

std::unique_ptr<StoreBackend> StoreBackend::open(const StoreUrl &url, const StoreEnvironment &env)
{
    std::unique_ptr<StoreBackend> backend(new StoreBackend);
    backend->m_kind = url.kind;
    switch (url.kind) {
    case StoreUrl::Kind::Memory:
        backend->m_store = std::make_shared<MemoryStore>(env.clock, env.metrics);
        backend->m_ready = QtFuture::makeReadyFuture(QString());
        break;
    case StoreUrl::Kind::Tcp:
    case StoreUrl::Kind::Unix:
        backend->m_store = std::make_shared<RedisStore>(url, env.metrics, env.clock,
                                                        RedisStoreOptions {}, env.ioThread);
        backend->m_ready = QtFuture::makeReadyFuture(QString());
        break;
    case StoreUrl::Kind::Managed: {
        if (ManagedRedisServer::findExecutable().isEmpty()) {
            const QString why = u"managed store unavailable: redis-server is not installed "
                                u"(apt install redis-server)"_s;
            qCWarning(lcStore).noquote() << why << "- using the in-process memory store";
            backend->m_store = std::make_shared<FallbackMemoryStore>(env.clock, env.metrics, why);
            backend->m_ready = QtFuture::makeReadyFuture(QString());
            break;
        }
        backend->m_server = std::make_unique<ManagedRedisServer>(env.dataDir);
        RedisStoreOptions options;
        options.connectOnStart = false;
        auto redis
            = std::make_shared<RedisStore>(StoreUrl::unixSocket(backend->m_server->socketPath()),
                                           env.metrics, env.clock, options, env.ioThread);
        redis->setDescriptionNote(u"managed, starting"_s);
        backend->m_store = redis;
        std::weak_ptr<RedisStore> weak = redis;
        backend->m_ready = backend->m_server->start().then(
            backend.get(), [weak](const ManagedServerStart &result) {
                const auto store = weak.lock();
                if (!store)
                    return u"the store was closed"_s;
                if (!result.ok) {
                    store->setDescriptionNote(u"managed server failed: "_s + result.message);
                    // Keep trying the socket: a server started by hand (or by another engine)
                    // there is picked up, and commands say why they fail meanwhile.
                    store->connectNow();
                    return result.message;
                }
                store->setDescriptionNote(result.reused
                                              ? u"managed, reusing the server already running"_s
                                              : u"managed, started by this process"_s);
                store->connectNow();
                return QString();
            });
        break;
    }
    }
    qCInfo(lcStore).noquote() << "store:" << backend->description();
    return backend;
}

} // namespace m1
