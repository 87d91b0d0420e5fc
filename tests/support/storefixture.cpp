#include "storefixture.h"

#include "redistestserver.h"
#include "store/memorystore.h"
#include "store/redisstore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

bool waitConnected(const RedisStore &store, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!store.isConnected() && !deadline.hasExpired())
        QThread::msleep(2);
    return store.isConnected();
}

} // namespace

StoreFixture::StoreFixture(const QString &backend, RedisTestServer *server)
    : m_redis(backend == u"redis")
{
    if (!m_redis) {
        m_clock = std::make_unique<ManualClock>();
        m_metrics = std::make_unique<MetricsRegistry>(*m_clock);
        m_first = std::make_unique<MemoryStore>(*m_clock, *m_metrics);
        return;
    }
    m_clock = std::make_unique<SystemClock>();
    m_metrics = std::make_unique<MetricsRegistry>(*m_clock);
    if (!server || !server->isRunning()) {
        m_error = u"no redis-server running"_s;
        return;
    }
    RedisStoreOptions second;
    second.metricsPrefix = u"store2"_s;
    auto a = std::make_unique<RedisStore>(server->tcpUrl(), *m_metrics, *m_clock);
    auto b = std::make_unique<RedisStore>(server->unixUrl(), *m_metrics, *m_clock, second);
    if (!waitConnected(*a, 10000) || !waitConnected(*b, 10000)) {
        m_error = u"cannot connect to the test redis-server: "_s + a->lastError() + u" / "_s
            + b->lastError();
        return;
    }
    m_first = std::move(a);
    m_second = std::move(b);
    run(RedisCommand::of("FLUSHALL"));
    run(RedisCommand::of("SCRIPT", "FLUSH"));
}

StoreFixture::~StoreFixture() = default;

void StoreFixture::advance(qint64 ms)
{
    if (auto *manual = dynamic_cast<ManualClock *>(m_clock.get())) {
        manual->advanceMs(ms);
        return;
    }
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QThread::msleep(5);
}

QList<RedisReply> StoreFixture::run(const QList<RedisCommand> &commands, int timeoutMs)
{
    bool finished = false;
    QList<RedisReply> replies = await(m_first->pipeline(commands), timeoutMs, &finished);
    if (!finished)
        return QList<RedisReply>(commands.size(),
                                 RedisReply::transportError(u"test: no reply in time"_s));
    return replies;
}

RedisReply StoreFixture::run(const RedisCommand &command, int timeoutMs)
{
    return run(QList<RedisCommand> { command }, timeoutMs).value(0);
}

} // namespace m1
