#include "cli/loadbalancingclient.h"

#include "cli/httpresponsesplitter.h"
#include "core/clock.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

#include <cmath>

namespace m1 {

LoadBalancingClient::LoadBalancingClient(QList<quint16> ports, QList<QByteArray> requests, Options options,
                                         const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_requests(std::move(requests))
    , m_options(options)
    , m_clock(clock)
    , m_outcomes(size_t(m_requests.size()))
    , m_stats(size_t(ports.size()))
{
    for (const quint16 port : std::as_const(ports)) {
        Backend b;
        b.port = port;
        m_backends.push_back(std::move(b));
    }
}

LoadBalancingClient::~LoadBalancingClient() = default;

void LoadBalancingClient::start(qint64 startNs)
{
    m_startNs = startNs;
    for (size_t b = 0; b < m_backends.size(); ++b) {
        for (int i = 0; i < std::max(1, m_options.connectionsPerBackend); ++i) {
            auto c = std::make_unique<Connection>();
            c->backend = int(b);
            c->socket = new QTcpSocket(this);
            c->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            Connection *raw = c.get();
            connect(c->socket, &QTcpSocket::readyRead, this, [this, raw] { onReadable(*raw); });
            connect(c->socket, &QTcpSocket::disconnected, this, [this, raw] { onBroken(*raw); });
            connect(c->socket, &QTcpSocket::errorOccurred, this, [this, raw] { onBroken(*raw); });
            connect(c->socket, &QTcpSocket::connected, this, &LoadBalancingClient::dispatch);
            c->socket->connectToHost(QHostAddress(QHostAddress::LocalHost), m_backends[b].port);
            m_backends[b].connections.push_back(std::move(c));
        }
    }
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(1);
    connect(m_timer, &QTimer::timeout, this, &LoadBalancingClient::tick);
    m_timer->start();
    if (m_requests.isEmpty()) {
        m_finished = true;
        m_timer->stop();
        Q_EMIT finished();
    }
}

void LoadBalancingClient::tick()
{
    const qint64 now = m_clock.monotonicNs();
    if (now >= m_startNs) {
        const double elapsedS = double(now - m_startNs) / 1e9;
        const int due = int(std::min<double>(double(m_requests.size()),
                                             std::floor(elapsedS * m_options.ratePerSecond) + 1));
        for (; m_scheduled < due; ++m_scheduled) {
            m_outcomes[size_t(m_scheduled)].dueNs
                = m_startNs + qint64(double(m_scheduled) * 1e9 / m_options.ratePerSecond);
            m_due.push_back({ m_scheduled, -1 });
        }
    }
    const qint64 timeoutNs = qint64(m_options.requestTimeoutMs) * 1'000'000;
    for (size_t b = 0; b < m_backends.size(); ++b) {
        Backend &backend = m_backends[b];
        for (auto &c : backend.connections) {
            if (c->inFlight >= 0 && now - c->sentNs > timeoutNs) {
                // A backend that hangs: the request goes elsewhere (paused first, so not back
                // here), this connection starts over.
                pause(int(b));
                complete(*c, 0);
                c->socket->abort();
            }
        }
        if (now < backend.pausedUntilNs)
            continue;
        for (auto &c : backend.connections) {
            if (c->socket->state() == QAbstractSocket::UnconnectedState)
                c->socket->connectToHost(QHostAddress(QHostAddress::LocalHost), backend.port);
        }
    }
    dispatch();
}

LoadBalancingClient::Connection *LoadBalancingClient::pick(int avoid)
{
    const qint64 now = m_clock.monotonicNs();
    const size_t n = m_backends.size();
    // First any backend but the one that just failed this message; that one only as a last resort.
    for (int pass = 0; pass < 2; ++pass) {
        for (size_t k = 0; k < n; ++k) {
            const size_t b = (m_next + k) % n;
            const bool avoided = int(b) == avoid && n > 1;
            if (avoided != (pass == 1))
                continue;
            Backend &backend = m_backends[b];
            if (now < backend.pausedUntilNs)
                continue;
            for (auto &c : backend.connections) {
                if (c->inFlight < 0 && c->socket->state() == QAbstractSocket::ConnectedState) {
                    m_next = (b + 1) % n;
                    return c.get();
                }
            }
        }
    }
    return nullptr;
}

void LoadBalancingClient::dispatch()
{
    while (!m_due.empty()) {
        Connection *c = pick(m_due.front().avoid);
        if (!c)
            return;
        const Delivery d = m_due.front();
        m_due.pop_front();
        send(*c, d);
    }
}

void LoadBalancingClient::send(Connection &c, const Delivery &d)
{
    ++m_outcomes[size_t(d.index)].attempts;
    ++m_stats[size_t(c.backend)].posts;
    c.inFlight = d.index;
    c.sentNs = m_clock.monotonicNs();
    c.buffer.clear();
    c.socket->write(m_requests.at(d.index));
}

void LoadBalancingClient::onReadable(Connection &c)
{
    c.buffer += c.socket->readAll();
    while (c.inFlight >= 0) {
        const std::optional<int> status = HttpResponseSplitter::takeStatus(c.buffer);
        if (!status)
            return;
        complete(c, *status);
    }
}

void LoadBalancingClient::onBroken(Connection &c)
{
    c.buffer.clear();
    if (c.inFlight >= 0) {
        // The process died under the request (or closed the connection): deliver it elsewhere,
        // not to this backend's other connections, which are likely going down with it.
        pause(c.backend);
        complete(c, 0);
    } else if (c.socket->error() == QAbstractSocket::ConnectionRefusedError) {
        pause(c.backend); // nobody listens there (yet): try again in a moment
    }
}

void LoadBalancingClient::pause(int backend)
{
    m_backends[size_t(backend)].pausedUntilNs
        = m_clock.monotonicNs() + qint64(m_options.backendPauseMs) * 1'000'000;
}

void LoadBalancingClient::complete(Connection &c, int status)
{
    const int index = c.inFlight;
    c.inFlight = -1;
    if (index < 0 || m_finished)
        return;
    Outcome &o = m_outcomes[size_t(index)];
    BackendStats &stats = m_stats[size_t(c.backend)];
    bool done = true;
    if (status == 200) {
        o.acceptedNs = m_clock.monotonicNs();
        o.acceptedBy = c.backend;
        ++stats.accepted;
    } else {
        ++stats.failed;
        o.lastStatus = status;
        if (o.attempts < m_options.maxAttempts) {
            // Older than anything newly due: it goes first.
            m_due.push_front({ index, c.backend });
            ++m_retries;
            done = false;
        }
    }
    if (done && ++m_done == m_requests.size() && m_scheduled == m_requests.size()) {
        m_finished = true;
        m_timer->stop();
        Q_EMIT finished();
        return;
    }
    dispatch();
}

} // namespace m1
