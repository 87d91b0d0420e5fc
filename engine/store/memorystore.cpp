#include "store/memorystore.h"

#include "core/clock.h"

#include <QPromise>

#include <chrono>

namespace m1 {

using SteadyClock = std::chrono::steady_clock;

struct MemoryStore::Job
{
    QList<RedisCommand> commands;
    QList<RedisReply> replies;
    MemoryCommandExecutor::Session session;
    QPromise<QList<RedisReply>> promise;
    qint64 startNs = 0;
    bool parked = false; // parked at commands[replies.size()]
    std::optional<SteadyClock::time_point> deadline; // of that blocking read; none = forever
    bool expired = false;
};

MemoryStore::MemoryStore(const Clock &clock, MetricsRegistry &metrics, const QString &metricsPrefix)
    : m_clock(clock)
    , m_metrics(metrics, metricsPrefix)
    , m_keyspace(clock)
    , m_executor(m_keyspace)
{
    m_metrics.setConnected(true);
}

MemoryStore::~MemoryStore()
{
    std::vector<JobPtr> abandoned;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        abandoned.assign(m_parked.begin(), m_parked.end());
        m_parked.clear();
    }
    m_wake.notify_all();
    if (m_waiter.joinable())
        m_waiter.join();
    for (const JobPtr &job : abandoned) {
        while (job->replies.size() < job->commands.size())
            job->replies.append(
                RedisReply::transportError(QStringLiteral("the memory store was closed")));
    }
    complete(abandoned);
}

QString MemoryStore::description() const
{
    return QStringLiteral("memory (in-process; not shared with other processes, lost on exit)");
}

QFuture<QList<RedisReply>> MemoryStore::pipeline(const QList<RedisCommand> &commands)
{
    auto job = std::make_shared<Job>();
    job->commands = commands;
    job->replies.reserve(commands.size());
    job->startNs = m_clock.monotonicNs();
    job->promise.start();
    QFuture<QList<RedisReply>> future = job->promise.future();

    std::vector<JobPtr> finished;
    {
        std::lock_guard lock(m_mutex);
        if (run(*job)) {
            finished.push_back(job);
        } else {
            m_parked.push_back(job);
            if (!m_waiter.joinable())
                m_waiter = std::thread([this] { waiterLoop(); });
        }
        retryParked(finished);
    }
    m_wake.notify_all();
    // Promises are fulfilled outside the lock: continuations may call back into the store.
    complete(finished);
    return future;
}

bool MemoryStore::run(Job &job)
{
    while (job.replies.size() < job.commands.size()) {
        const RedisCommand &command = job.commands.at(job.replies.size());
        const qint64 blockMs = command.blockingMs();
        RedisReply reply = m_executor.execute(command, job.session);
        if (reply.isNil() && blockMs >= 0 && !job.session.inMulti && !job.expired) {
            if (!job.parked) {
                job.parked = true;
                if (blockMs > 0)
                    job.deadline = SteadyClock::now() + std::chrono::milliseconds(blockMs);
            }
            return false;
        }
        job.parked = false;
        job.expired = false;
        job.deadline.reset();
        job.replies.append(std::move(reply));
    }
    return true;
}

void MemoryStore::retryParked(std::vector<JobPtr> &finished)
{
    for (auto it = m_parked.begin(); it != m_parked.end();) {
        if (run(**it)) {
            finished.push_back(*it);
            it = m_parked.erase(it);
        } else {
            ++it;
        }
    }
}

void MemoryStore::expireParked(std::vector<JobPtr> &finished)
{
    const auto now = SteadyClock::now();
    for (const JobPtr &job : m_parked) {
        if (job->deadline && *job->deadline <= now)
            job->expired = true; // the blocking read answers nil, as Redis does on timeout
    }
    retryParked(finished);
}

void MemoryStore::waiterLoop()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        std::optional<SteadyClock::time_point> earliest;
        for (const JobPtr &job : m_parked) {
            if (job->deadline && (!earliest || *job->deadline < *earliest))
                earliest = job->deadline;
        }
        if (earliest)
            m_wake.wait_until(lock, *earliest);
        else
            m_wake.wait(lock);
        if (m_stopping)
            break;
        std::vector<JobPtr> finished;
        expireParked(finished);
        if (!finished.empty()) {
            lock.unlock();
            complete(finished);
            lock.lock();
        }
    }
}

void MemoryStore::complete(const std::vector<JobPtr> &finished)
{
    for (const JobPtr &job : finished) {
        m_metrics.recordRoundTrip(job->commands, job->replies,
                                  m_clock.monotonicNs() - job->startNs);
        job->promise.addResult(job->replies);
        job->promise.finish();
    }
}

} // namespace m1
