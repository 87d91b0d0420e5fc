#include "cli/webhookloadclient.h"

#include "cli/httpresponsesplitter.h"
#include "core/clock.h"

#include <QTcpSocket>
#include <QTimer>

#include <cmath>

namespace m1 {

WebhookLoadClient::WebhookLoadClient(QHostAddress address, quint16 port, QList<QByteArray> requests,
                                     double ratePerSecond, int connections, const Clock &clock,
                                     QObject *parent)
    : QObject(parent)
    , m_address(std::move(address))
    , m_port(port)
    , m_requests(std::move(requests))
    , m_rate(ratePerSecond)
    , m_connectionCount(std::max(1, connections))
    , m_clock(clock)
    , m_outcomes(size_t(m_requests.size()))
{
}

WebhookLoadClient::~WebhookLoadClient() = default;

QByteArray WebhookLoadClient::postRequest(const QByteArray &path, const QByteArray &body,
                                          const QByteArray &signature)
{
    QByteArray r;
    r.reserve(body.size() + 256);
    r += "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    r += "X-Hub-Signature-256: " + signature + "\r\nContent-Length: " + QByteArray::number(body.size());
    r += "\r\n\r\n" + body;
    return r;
}

void WebhookLoadClient::start()
{
    for (int i = 0; i < m_connectionCount; ++i) {
        auto c = std::make_unique<Connection>();
        c->socket = new QTcpSocket(this);
        c->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        Connection *raw = c.get();
        connect(c->socket, &QTcpSocket::readyRead, this, [this, raw] { onReadable(*raw); });
        connect(c->socket, &QTcpSocket::disconnected, this, [this, raw] { onDisconnected(*raw); });
        connect(c->socket, &QTcpSocket::connected, this, &WebhookLoadClient::dispatch);
        c->socket->connectToHost(m_address, m_port);
        m_connections.push_back(std::move(c));
    }
    for (auto &c : m_connections)
        c->socket->waitForConnected(5'000);
    m_startedNs = m_clock.monotonicNs();
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(1);
    connect(m_timer, &QTimer::timeout, this, &WebhookLoadClient::tick);
    m_timer->start();
    tick();
}

void WebhookLoadClient::tick()
{
    const double elapsedS = double(m_clock.monotonicNs() - m_startedNs) / 1e9;
    const int due = int(std::min<double>(double(m_requests.size()), std::floor(elapsedS * m_rate) + 1));
    for (; m_scheduled < due; ++m_scheduled) {
        m_outcomes[size_t(m_scheduled)].dueNs = m_startedNs + qint64(double(m_scheduled) * 1e9 / m_rate);
        m_due.push_back(m_scheduled);
    }
    if (m_scheduled >= m_requests.size())
        m_timer->stop();
    dispatch();
}

WebhookLoadClient::Connection *WebhookLoadClient::idleConnection()
{
    for (auto &c : m_connections) {
        if (c->inFlight.empty() && c->socket->state() == QAbstractSocket::ConnectedState)
            return c.get();
    }
    return nullptr;
}

void WebhookLoadClient::dispatch()
{
    while (!m_due.empty()) {
        Connection *c = idleConnection();
        if (!c)
            return;
        const int index = m_due.front();
        m_due.pop_front();
        send(*c, index);
    }
}

void WebhookLoadClient::send(Connection &c, int index)
{
    c.inFlight.push_back(index);
    c.socket->write(m_requests.at(index));
}

void WebhookLoadClient::onReadable(Connection &c)
{
    c.buffer += c.socket->readAll();
    while (!c.inFlight.empty()) {
        const std::optional<int> status = HttpResponseSplitter::takeStatus(c.buffer);
        if (!status)
            return;
        const int index = c.inFlight.front();
        c.inFlight.pop_front();
        complete(index, *status);
    }
}

void WebhookLoadClient::onDisconnected(Connection &c)
{
    while (!c.inFlight.empty()) {
        complete(c.inFlight.front(), 0);
        c.inFlight.pop_front();
    }
    c.buffer.clear();
    if (m_done < m_requests.size())
        c.socket->connectToHost(m_address, m_port);
}

void WebhookLoadClient::complete(int index, int status)
{
    Outcome &o = m_outcomes[size_t(index)];
    o.answeredNs = m_clock.monotonicNs();
    o.status = status;
    if (++m_done == m_requests.size()) {
        Q_EMIT finished();
        return;
    }
    dispatch();
}

} // namespace m1
