#include "cli/servefleet.h"

#include "cli/spinuntil.h"
#include "core/clock.h"

#include <QNetworkProxy>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

constexpr qint64 kSampleEveryNs = 500'000'000;

} // namespace

ServeFleet::ServeFleet(const Clock &clock, Crash crash, Progress progress)
    : m_clock(clock)
    , m_crash(crash)
    , m_progress(std::move(progress))
{
    m_network.setProxy(QNetworkProxy::NoProxy); // loopback only, whatever http_proxy says
}

ServeFleet::~ServeFleet() = default;

void ServeFleet::add(std::unique_ptr<ServeChild> child)
{
    m_children.push_back(std::move(child));
}

QString ServeFleet::startAll(int timeoutMs)
{
    for (const auto &child : m_children) {
        if (const QString e = child->start(); !e.isEmpty())
            return e;
    }
    // Shared with the probes' callbacks, which may answer after this returns.
    struct Health
    {
        std::vector<bool> healthy;
        std::vector<bool> asking;
    };
    const auto health = std::make_shared<Health>();
    health->healthy.assign(m_children.size(), false);
    health->asking.assign(m_children.size(), false);
    const auto allHealthy = [&] {
        for (size_t i = 0; i < m_children.size(); ++i) {
            if (!m_children[i]->isRunning())
                return true; // it died: said below
            if (health->healthy[i] || health->asking[i])
                continue;
            health->asking[i] = true;
            m_children[i]->probeHealth(m_network, [health, i](bool ok) {
                health->asking[i] = false;
                health->healthy[i] = health->healthy[i] || ok;
            });
        }
        return std::all_of(health->healthy.begin(), health->healthy.end(), [](bool h) { return h; });
    };
    spinUntil(allHealthy, timeoutMs);
    for (size_t i = 0; i < m_children.size(); ++i) {
        if (!health->healthy[i])
            return u"m1bot serve "_s + QString::number(i)
                + (m_children[i]->isRunning() ? u" did not become healthy"_s : u" exited"_s) + u":\n"_s
                + m_children[i]->logTail();
    }
    return {};
}

void ServeFleet::step(qint64 startNs)
{
    const qint64 now = m_clock.monotonicNs();
    const double elapsedS = double(now - startNs) / 1e9;
    if (m_crash.victim >= 0) {
        ServeChild &victim = *m_children[size_t(m_crash.victim)];
        if (m_killNs == 0 && elapsedS >= m_crash.atS) {
            victim.kill();
            m_killNs = m_clock.monotonicNs();
            m_progress(u"SIGKILL to process "_s + QString::number(m_crash.victim));
        }
        if (m_killNs > 0 && m_restartNs == 0 && elapsedS >= m_crash.atS + m_crash.restartAfterS) {
            m_restartError = victim.start();
            m_restartNs = m_clock.monotonicNs();
            m_progress(u"process "_s + QString::number(m_crash.victim) + u" started again"_s);
        }
        if (m_restartNs > 0 && m_healthyAgainNs == 0 && !m_probing && m_restartError.isEmpty()) {
            m_probing = true;
            victim.probeHealth(m_network, [this](bool ok) {
                m_probing = false;
                if (ok && m_healthyAgainNs == 0)
                    m_healthyAgainNs = m_clock.monotonicNs();
            });
        }
    }
    if (now >= m_nextSampleNs) {
        m_nextSampleNs = now + kSampleEveryNs;
        for (const auto &child : m_children)
            child->sample(m_network);
    }
}

bool ServeFleet::settled() const
{
    return m_crash.victim < 0 || m_healthyAgainNs > 0 || !m_restartError.isEmpty();
}

QList<LoadRunData::Child> ServeFleet::stopAll(int timeoutMs)
{
    const auto pending = std::make_shared<int>(0);
    for (const auto &child : m_children) {
        ++*pending;
        child->sample(m_network, [pending] { --*pending; });
    }
    spinUntil([&pending] { return *pending == 0; }, 5'000);
    QList<LoadRunData::Child> out;
    for (const auto &c : m_children) {
        LoadRunData::Child child;
        child.port = c->port();
        child.exitCode = c->terminate(timeoutMs);
        child.lives = c->samples();
        out.append(child);
    }
    return out;
}

} // namespace m1
