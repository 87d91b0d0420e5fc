#include "store/redisstore.h"

#include "store/redisconnection.h"

#include <QPromise>
#include <QThread>

#include <csignal>
#include <mutex>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// hiredis writes with write(2): a peer that went away would raise SIGPIPE and kill the process
// (the Redis-restart test does exactly that). Ignoring it turns the write into an EPIPE error.
void ignoreSigpipe()
{
    static std::once_flag once;
    std::call_once(once, [] { std::signal(SIGPIPE, SIG_IGN); });
}

template<typename Fn> void runOn(QObject *target, Fn &&fn)
{
    if (target->thread() == QThread::currentThread() || !target->thread()->isRunning())
        fn();
    else
        QMetaObject::invokeMethod(target, std::forward<Fn>(fn), Qt::BlockingQueuedConnection);
}

} // namespace

RedisStore::RedisStore(const StoreUrl &url, MetricsRegistry &metrics, const Clock &clock,
                       const RedisStoreOptions &options, QThread *ioThread)
    : m_url(url)
    , m_metrics(metrics, options.metricsPrefix)
    , m_thread(ioThread)
{
    ignoreSigpipe();
    if (!m_thread) {
        m_thread = new QThread;
        m_thread->setObjectName(u"m1-redis-io"_s);
        m_ownsThread = true;
        m_thread->start();
    }
    m_connection = new RedisConnection(url, options, m_metrics, clock);
    connect(
        m_connection, &RedisConnection::stateChanged, m_connection,
        [this](RedisConnection::State state, const QString &detail) {
            const bool connected = state == RedisConnection::State::Connected;
            if (state != RedisConnection::State::Connecting) {
                QMutexLocker lock(&m_mutex);
                m_lastError = connected ? QString() : detail;
            }
            const bool was = m_connected.exchange(connected, std::memory_order_acq_rel);
            if (was != connected)
                Q_EMIT connectionChanged(connected, detail);
        },
        Qt::DirectConnection);
    m_connection->moveToThread(m_thread);
    if (options.connectOnStart)
        connectNow();
}

RedisStore::~RedisStore()
{
    RedisConnection *connection = std::exchange(m_connection, nullptr);
    runOn(connection, [connection] { delete connection; });
    if (m_ownsThread) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
    }
}

void RedisStore::connectNow()
{
    QMetaObject::invokeMethod(
        m_connection, [connection = m_connection] { connection->open(); }, Qt::QueuedConnection);
}

QFuture<QList<RedisReply>> RedisStore::pipeline(const QList<RedisCommand> &commands)
{
    auto promise = std::make_shared<QPromise<QList<RedisReply>>>();
    promise->start();
    QFuture<QList<RedisReply>> future = promise->future();
    submit(commands, [promise](QList<RedisReply> replies) {
        promise->addResult(std::move(replies));
        promise->finish();
    });
    return future;
}

void RedisStore::submit(const QList<RedisCommand> &commands, ReplyHandler handler)
{
    if (commands.isEmpty()) {
        handler({});
        return;
    }
    QMetaObject::invokeMethod(
        m_connection,
        [connection = m_connection, commands, handler = std::move(handler)]() mutable {
            connection->submit(commands, std::move(handler));
        },
        Qt::QueuedConnection);
}

QString RedisStore::description() const
{
    QMutexLocker lock(&m_mutex);
    QString text = u"redis "_s + m_url.toDisplayString();
    if (!m_note.isEmpty())
        text += u" ("_s + m_note + u')';
    if (!m_connected.load(std::memory_order_acquire) && !m_lastError.isEmpty())
        text += u" — not connected: "_s + m_lastError;
    return text;
}

QString RedisStore::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastError;
}

void RedisStore::setDescriptionNote(const QString &note)
{
    QMutexLocker lock(&m_mutex);
    m_note = note;
}

} // namespace m1
