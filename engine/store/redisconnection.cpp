#include "store/redisconnection.h"

#include "core/clock.h"
#include "core/logcategories.h"
#include "store/hiredisreply.h"
#include "store/rediseventbridge.h"
#include "store/redishandshake.h"
#include "store/storemetrics.h"

#include <QHostAddress>
#include <QHostInfo>

#include <algorithm>
#include <hiredis/async.h>

using namespace Qt::StringLiterals;

namespace m1 {

struct RedisConnection::Batch
{
    QList<RedisCommand> commands; // as sent, our SCRIPT LOAD prefix included
    qsizetype prefix = 0;
    qsizetype sent = 0; // commands hiredis accepted
    QList<RedisReply> replies;
    Done done;
    qint64 startNs = 0;
    qint64 deadlineNs = 0; // 0: none (a read that blocks forever)
    bool handshake = false;
    bool retry = false;
};

namespace {

QString text(const char *s)
{
    return s && *s ? QString::fromLocal8Bit(s) : u"unknown error"_s;
}

} // namespace

RedisConnection::RedisConnection(const StoreUrl &url, const RedisStoreOptions &options,
                                 StoreMetrics &metrics, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_options(options)
    , m_metrics(metrics)
    , m_clock(clock)
    , m_connectTimer(this)
    , m_retryTimer(this)
    , m_replyTimer(this)
    , m_backoff(options.backoffInitialMs, options.backoffMaxMs, options.jitterSeed)
{
    m_connectTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_replyTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Connecting)
            return;
        const QString reason
            = u"no connection within "_s + QString::number(m_url.connectTimeoutMs) + u" ms"_s;
        if (m_context)
            dropConnection(reason);
        else
            enterBackoff(reason);
    });
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { startAttempt(); });
    connect(&m_replyTimer, &QTimer::timeout, this, [this] { replyTimedOut(); });
}

RedisConnection::~RedisConnection()
{
    close(u"the store was closed"_s);
}

void RedisConnection::open()
{
    if (m_state == State::Idle)
        startAttempt();
}

void RedisConnection::close(const QString &reason)
{
    if (m_state == State::Closed)
        return;
    setState(State::Closed, reason);
    m_connectTimer.stop();
    m_retryTimer.stop();
    m_replyTimer.stop();
    dropConnection(reason);
    failWaiting(reason);
    m_metrics.setConnected(false);
}

void RedisConnection::setState(State state, const QString &detail)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state, detail);
}

void RedisConnection::startAttempt()
{
    if (m_state == State::Closed)
        return;
    setState(State::Connecting, address());
    m_scripts.clear();
    m_connectTimer.start(std::max(1, m_url.connectTimeoutMs));

    auto connectTo = [this](const QByteArray &host) {
        redisAsyncContext *context = m_url.kind == StoreUrl::Kind::Unix
            ? redisAsyncConnectUnix(m_url.socketPath.toLocal8Bit().constData())
            : redisAsyncConnect(host.constData(), m_url.port);
        if (!context) {
            enterBackoff(u"cannot allocate a connection"_s);
            return;
        }
        if (context->err) {
            const QString reason = text(context->errstr);
            redisAsyncFree(context);
            m_metrics.recordConnectFailure();
            enterBackoff(reason);
            return;
        }
        context->data = this;
        if (m_bridge)
            m_bridge->deleteLater();
        m_bridge = new RedisEventBridge(context, this);
        m_context = context;
        redisAsyncSetConnectCallback(context, &RedisConnection::onConnect);
        redisAsyncSetDisconnectCallback(context, &RedisConnection::onDisconnect);
    };

    if (m_url.kind == StoreUrl::Kind::Unix || !QHostAddress(m_url.host).isNull()) {
        connectTo(m_url.host.toLatin1());
        return;
    }
    // hiredis would resolve the name with a blocking getaddrinfo(); resolve it asynchronously.
    QHostInfo::lookupHost(m_url.host, this, [this, connectTo](const QHostInfo &info) {
        if (m_state != State::Connecting || m_context)
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            m_metrics.recordConnectFailure();
            enterBackoff(u"cannot resolve host '"_s + m_url.host + u"': "_s + info.errorString());
            return;
        }
        connectTo(info.addresses().constFirst().toString().toLatin1());
    });
}

void RedisConnection::enterBackoff(const QString &reason)
{
    m_connectTimer.stop();
    m_replyTimer.stop();
    m_lastError = reason;
    m_metrics.setConnected(false);
    if (m_state == State::Closed) {
        failWaiting(reason);
        return;
    }
    const int delay = m_backoff.nextDelayMs();
    m_retryTimer.start(delay);
    if (!m_downLogged) {
        qCWarning(lcStore).noquote()
            << "redis" << address() << "unreachable:" << reason << "- retrying with backoff";
        m_downLogged = true;
    }
    setState(State::Backoff, reason);
    failWaiting(u"cannot connect to redis at "_s + address() + u": "_s + reason);
}

QString RedisConnection::notReachable() const
{
    switch (m_state) {
    case State::Idle:
        return u"not connected to redis at "_s + address()
            + u" (the connection has not been opened yet)"_s;
    case State::Closed:
        return u"the connection to redis at "_s + address() + u" is closed"_s;
    default:
        return u"redis at "_s + address() + u" is not reachable ("_s + m_lastError
            + u"); next attempt in "_s + QString::number(std::max(0, m_retryTimer.remainingTime()))
            + u" ms"_s;
    }
}

void RedisConnection::submit(const QList<RedisCommand> &commands, Done done)
{
    auto batch = std::make_unique<Batch>();
    batch->commands = commands;
    batch->done = std::move(done);
    batch->startNs = m_clock.monotonicNs();
    if (commands.isEmpty()) {
        batch->done({});
        return;
    }
    switch (m_state) {
    case State::Connected:
        send(std::move(batch));
        return;
    case State::Connecting:
        m_waiting.push_back(std::move(batch));
        return;
    default: {
        const RedisReply failure = RedisReply::transportError(notReachable());
        m_metrics.recordFailedFast(commands.size());
        batch->done(QList<RedisReply>(commands.size(), failure));
        return;
    }
    }
}

void RedisConnection::failWaiting(const QString &reason)
{
    auto waiting = std::exchange(m_waiting, {});
    for (auto &batch : waiting) {
        const RedisReply failure = RedisReply::transportError(reason);
        m_metrics.recordFailedFast(batch->commands.size());
        batch->done(QList<RedisReply>(batch->commands.size(), failure));
    }
}

void RedisConnection::send(std::unique_ptr<Batch> batch)
{
    // Scripts this connection has not loaded go in the same round trip, ahead of their EVALSHA.
    const QList<RedisCommand> loads = m_scripts.loadsFor(batch->commands);
    if (!loads.isEmpty()) {
        batch->prefix = loads.size();
        batch->commands = loads + batch->commands;
    }

    qint64 blocking = 0;
    bool forever = false;
    for (const RedisCommand &command : std::as_const(batch->commands)) {
        const qint64 ms = command.blockingMs();
        forever = forever || ms == 0;
        blocking = std::max(blocking, ms);
    }
    if (m_url.commandTimeoutMs > 0 && !forever)
        batch->deadlineNs = m_clock.monotonicNs() + (m_url.commandTimeoutMs + blocking) * 1'000'000;

    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const RedisCommand &command : std::as_const(batch->commands)) {
        argv.clear();
        lengths.clear();
        for (const QByteArray &arg : command.argv()) {
            argv.push_back(arg.constData());
            lengths.push_back(size_t(arg.size()));
        }
        if (redisAsyncCommandArgv(m_context, &RedisConnection::onReply, batch.get(),
                                  int(argv.size()), argv.data(), lengths.data())
            != REDIS_OK)
            break;
        ++batch->sent;
    }
    if (batch->sent == 0) {
        batch->replies = QList<RedisReply>(
            batch->commands.size(),
            RedisReply::transportError(u"redis at "_s + address()
                                       + u" refused the command: connection closing"_s));
        finishBatch(std::move(batch));
        return;
    }
    m_inFlight.push_back(std::move(batch));
    if (m_inFlight.size() == 1)
        armReplyTimer();
}

void RedisConnection::sendHandshake()
{
    auto batch = std::make_unique<Batch>();
    batch->handshake = true;
    batch->startNs = m_clock.monotonicNs();
    batch->commands = RedisHandshake::commands(m_url, m_options.clientName);
    send(std::move(batch));
}

void RedisConnection::handshakeDone(const QList<RedisReply> &replies)
{
    if (m_state != State::Connecting)
        return;
    if (const auto refused = RedisHandshake::refusal(replies)) {
        for (const RedisReply &reply : replies) {
            if (reply.isTransportError())
                return; // the connection is already going away; the disconnect path handles it
        }
        m_metrics.recordConnectFailure();
        // Not from inside hiredis' callback: free the context on the next turn of the loop.
        redisAsyncContext *context = m_context;
        QMetaObject::invokeMethod(
            this,
            [this, context, reason = *refused] {
                if (m_context == context)
                    dropConnection(reason);
            },
            Qt::QueuedConnection);
        return;
    }
    m_connectTimer.stop();
    m_backoff.reset();
    m_lastError.clear();
    if (m_everConnected) {
        m_metrics.recordReconnect();
        qCInfo(lcStore).noquote() << "redis" << address() << "reconnected";
    }
    m_everConnected = true;
    m_downLogged = false;
    m_metrics.setConnected(true);
    setState(State::Connected, address());
    auto waiting = std::exchange(m_waiting, {});
    for (auto &batch : waiting)
        send(std::move(batch));
}

void RedisConnection::markDown(const QString &reason)
{
    // Before any pending command is failed: whoever that failure wakes must already see the
    // store as disconnected.
    if (m_state == State::Connected || m_state == State::Connecting) {
        m_lastError = reason;
        m_metrics.setConnected(false);
        setState(State::Backoff, reason);
    }
}

void RedisConnection::dropConnection(const QString &reason)
{
    markDown(reason);
    if (m_context) {
        redisAsyncContext *context = std::exchange(m_context, nullptr);
        m_dropReason = reason;
        m_freeing = true;
        redisAsyncFree(context); // answers every pending callback with a null reply
        m_freeing = false;
        m_dropReason.clear();
    }
    // Anything hiredis did not answer (it always should) fails here rather than hanging.
    auto inFlight = std::exchange(m_inFlight, {});
    for (auto &batch : inFlight) {
        while (batch->replies.size() < batch->commands.size())
            batch->replies.append(RedisReply::transportError(reason));
        finishBatch(std::move(batch));
    }
    m_replyTimer.stop();
    if (m_state != State::Closed)
        enterBackoff(reason);
}

void RedisConnection::finishBatch(std::unique_ptr<Batch> batch)
{
    m_metrics.recordRoundTrip(batch->commands, batch->replies,
                              m_clock.monotonicNs() - batch->startNs);
    if (batch->handshake) {
        handshakeDone(batch->replies);
        return;
    }
    for (qsizetype i = 0; i < batch->prefix; ++i) {
        if (batch->replies.at(i).isError())
            m_scripts.loadFailed(batch->commands.at(i));
    }
    if (batch->prefix > 0) {
        batch->commands.remove(0, batch->prefix);
        batch->replies.remove(0, batch->prefix);
        batch->prefix = 0;
    }
    if (!batch->retry && retryNoScript(*batch))
        return;
    batch->done(std::move(batch->replies));
}

bool RedisConnection::retryNoScript(Batch &batch)
{
    const QList<qsizetype> indexes = RedisScriptCache::missing(batch.commands, batch.replies);
    if (indexes.isEmpty() || m_state != State::Connected)
        return false;
    // The server lost its script cache (restart, SCRIPT FLUSH, failover): run them with EVAL,
    // which also caches them again.
    auto retry = std::make_unique<Batch>();
    retry->retry = true;
    retry->startNs = m_clock.monotonicNs();
    for (qsizetype i : indexes)
        retry->commands.append(m_scripts.asEval(batch.commands.at(i)));
    retry->done = [replies = batch.replies, indexes,
                   done = std::move(batch.done)](QList<RedisReply> retried) mutable {
        for (qsizetype k = 0; k < indexes.size() && k < retried.size(); ++k)
            replies[indexes.at(k)] = retried.at(k);
        done(std::move(replies));
    };
    send(std::move(retry));
    return true;
}

void RedisConnection::armReplyTimer()
{
    if (m_inFlight.empty()) {
        m_replyTimer.stop();
        return;
    }
    Batch &front = *m_inFlight.front();
    if (front.deadlineNs == 0) {
        m_replyTimer.stop();
        return;
    }
    const qint64 now = m_clock.monotonicNs();
    m_replyTimer.start(int(std::max<qint64>(0, (front.deadlineNs - now) / 1'000'000) + 1));
}

void RedisConnection::replyTimedOut()
{
    if (m_inFlight.empty())
        return;
    if (m_clock.monotonicNs() < m_inFlight.front()->deadlineNs) {
        armReplyTimer();
        return;
    }
    dropConnection(u"no reply from redis at "_s + address() + u" within "_s
                   + QString::number(m_url.commandTimeoutMs) + u" ms"_s);
}

void RedisConnection::handleConnect(int status, const char *error)
{
    if (status != REDIS_OK) {
        m_context = nullptr; // hiredis frees a context whose connect failed
        m_metrics.recordConnectFailure();
        enterBackoff(text(error));
        return;
    }
    sendHandshake();
}

void RedisConnection::handleDisconnect(int status, const char *error)
{
    if (m_freeing)
        return; // dropConnection() is in charge
    m_context = nullptr;
    const QString reason
        = status == REDIS_OK ? u"connection closed"_s : u"connection lost: "_s + text(error);
    markDown(reason);
    auto inFlight = std::exchange(m_inFlight, {});
    for (auto &batch : inFlight) {
        while (batch->replies.size() < batch->commands.size())
            batch->replies.append(RedisReply::transportError(reason));
        finishBatch(std::move(batch));
    }
    if (m_state != State::Closed)
        enterBackoff(reason);
}

void RedisConnection::handleReply(redisAsyncContext *context, void *reply, void *privdata)
{
    if (m_inFlight.empty() || m_inFlight.front().get() != privdata) {
        // Replies come in order, so this cannot happen unless the stream is out of step; then
        // nothing on this connection can be trusted.
        qCWarning(lcStore)
            << "redis: a reply arrived for no pending command; dropping the connection";
        QMetaObject::invokeMethod(
            this,
            [this, context] {
                if (m_context == context)
                    dropConnection(u"protocol out of step"_s);
            },
            Qt::QueuedConnection);
        return;
    }
    Batch &batch = *m_inFlight.front();
    if (reply) {
        batch.replies.append(HiredisReply::convert(static_cast<const redisReply *>(reply)));
    } else {
        const QString reason = !m_dropReason.isEmpty()
            ? m_dropReason
            : u"connection to redis at "_s + address() + u" lost: "_s + text(context->errstr);
        markDown(reason);
        batch.replies.append(RedisReply::transportError(reason));
    }
    if (batch.replies.size() < batch.sent)
        return;
    std::unique_ptr<Batch> done = std::move(m_inFlight.front());
    m_inFlight.pop_front();
    while (done->replies.size() < done->commands.size())
        done->replies.append(
            RedisReply::transportError(u"command not sent: the connection was closing"_s));
    if (!m_inFlight.empty() && m_inFlight.front()->deadlineNs != 0 && m_url.commandTimeoutMs > 0) {
        // A batch that waited behind a blocking read gets its full timeout from when it reached the
        // front.
        Batch &next = *m_inFlight.front();
        next.deadlineNs = std::max(
            next.deadlineNs, m_clock.monotonicNs() + qint64(m_url.commandTimeoutMs) * 1'000'000);
    }
    if (m_context)
        armReplyTimer();
    finishBatch(std::move(done));
}

void RedisConnection::onConnect(const redisAsyncContext *context, int status)
{
    static_cast<RedisConnection *>(context->data)->handleConnect(status, context->errstr);
}

void RedisConnection::onDisconnect(const redisAsyncContext *context, int status)
{
    static_cast<RedisConnection *>(context->data)->handleDisconnect(status, context->errstr);
}

void RedisConnection::onReply(redisAsyncContext *context, void *reply, void *privdata)
{
    static_cast<RedisConnection *>(context->data)->handleReply(context, reply, privdata);
}

} // namespace m1
