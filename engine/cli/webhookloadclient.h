#pragma once

// The load generator of `m1bot bench --only e2e`: posts prepared HTTP requests to the webhook
// over a handful of kept-alive loopback connections at a fixed rate (open loop: a request is
// due at start + i / rate whether or not earlier ones were answered, and its latency counts from
// then, so a server that falls behind is not hidden by a client that politely waits). Lives on
// its own thread; start() there, finished() when every request was answered or failed.

#include <QHostAddress>
#include <QList>
#include <QObject>

#include <deque>
#include <vector>

class QTcpSocket;
class QTimer;

namespace m1 {

class Clock;

class WebhookLoadClient : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        qint64 dueNs = 0; // when the request was scheduled
        qint64 answeredNs = 0; // when its answer was read (0: none)
        int status = 0; // HTTP status, 0 when the connection failed
    };

    // `requests`: complete HTTP/1.1 requests (keep-alive), sent in order.
    WebhookLoadClient(QHostAddress address, quint16 port, QList<QByteArray> requests, double ratePerSecond,
                      int connections, const Clock &clock, QObject *parent = nullptr);
    ~WebhookLoadClient() override;

    // Builds one signed POST of `body` to `path`.
    static QByteArray postRequest(const QByteArray &path, const QByteArray &body, const QByteArray &signature);

    void start();
    // Valid after finished(); index = request order.
    const std::vector<Outcome> &outcomes() const { return m_outcomes; }
    qint64 startedNs() const { return m_startedNs; }

Q_SIGNALS:
    void finished();

private:
    struct Connection
    {
        QTcpSocket *socket = nullptr;
        std::deque<int> inFlight;
        QByteArray buffer;
    };
    void tick();
    void dispatch();
    void send(Connection &c, int index);
    void onReadable(Connection &c);
    void onDisconnected(Connection &c);
    void complete(int index, int status);
    Connection *idleConnection();

    const QHostAddress m_address;
    const quint16 m_port;
    const QList<QByteArray> m_requests;
    const double m_rate;
    const int m_connectionCount;
    const Clock &m_clock;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::vector<Outcome> m_outcomes;
    std::deque<int> m_due; // scheduled, waiting for a free connection
    QTimer *m_timer = nullptr;
    qint64 m_startedNs = 0;
    int m_scheduled = 0;
    int m_done = 0;
};

} // namespace m1
