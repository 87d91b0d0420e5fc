#pragma once

// The load generator of `m1bot bench --load`: Meta in front of a load balancer. Message i is
// due at start + i / rate whether or not earlier ones were answered (open loop); due messages go
// round-robin to the backends (webhook ports) that answer, over a few kept-alive loopback
// connections each, one request per connection at a time. A connection error, a timeout or an
// answer other than 200 delivers the same signed POST again, to another backend when there is
// one (Meta retries until it sees 200), and counts as a retry. A backend that refuses
// connections or fails a request is left alone for a moment, then tried again, so a killed and
// restarted process drops out of the rotation and comes back on its own, as behind a real
// balancer. Lives on its own thread: start() there; finished() once every message was accepted
// or ran out of attempts.

#include <QList>
#include <QObject>

#include <deque>
#include <memory>
#include <vector>

class QTcpSocket;
class QTimer;

namespace m1 {

class Clock;

class LoadBalancingClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        double ratePerSecond = 100;
        int connectionsPerBackend = 16;
        int maxAttempts = 10; // deliveries of one message before it is given up (rejected)
        int requestTimeoutMs = 10'000;
        int backendPauseMs = 200; // after a refused connection or a failed request
    };

    struct Outcome
    {
        qint64 dueNs = 0; // when the message was scheduled
        qint64 acceptedNs = 0; // when a backend answered 200 (0: never)
        int attempts = 0; // deliveries made
        int acceptedBy = -1; // backend index
        int lastStatus = 0; // of the last failed delivery; 0 = connection error or timeout
    };

    struct BackendStats
    {
        int posts = 0; // deliveries sent to it
        int accepted = 0; // answered 200
        int failed = 0; // connection errors, timeouts, other statuses
    };

    // `requests[i]`: the complete HTTP/1.1 request of message i (keep-alive), built with
    // WebhookLoadClient::postRequest.
    LoadBalancingClient(QList<quint16> ports, QList<QByteArray> requests, Options options,
                        const Clock &clock, QObject *parent = nullptr);
    ~LoadBalancingClient() override;

    // Message i is due at startNs + i / rate (the clock's monotonic time).
    void start(qint64 startNs);

    // Valid after finished(); index = message order.
    const std::vector<Outcome> &outcomes() const { return m_outcomes; }
    const std::vector<BackendStats> &backendStats() const { return m_stats; }
    int retries() const { return m_retries; } // deliveries beyond each message's first

Q_SIGNALS:
    void finished();

private:
    struct Connection
    {
        QTcpSocket *socket = nullptr;
        int backend = 0;
        int inFlight = -1; // message index, -1 when idle
        qint64 sentNs = 0;
        QByteArray buffer;
    };
    struct Backend
    {
        quint16 port = 0;
        qint64 pausedUntilNs = 0;
        std::vector<std::unique_ptr<Connection>> connections;
    };
    struct Delivery
    {
        int index = 0;
        int avoid = -1; // the backend that failed it last
    };

    void tick();
    void dispatch();
    Connection *pick(int avoid);
    void send(Connection &c, const Delivery &d);
    void onReadable(Connection &c);
    void onBroken(Connection &c);
    void complete(Connection &c, int status);
    void pause(int backend);

    const QList<QByteArray> m_requests;
    const Options m_options;
    const Clock &m_clock;
    std::vector<Backend> m_backends;
    std::vector<Outcome> m_outcomes;
    std::vector<BackendStats> m_stats;
    std::deque<Delivery> m_due; // scheduled or to be retried, waiting for a connection
    QTimer *m_timer = nullptr;
    qint64 m_startNs = 0;
    int m_scheduled = 0;
    int m_done = 0;
    int m_retries = 0;
    size_t m_next = 0; // round-robin position
    bool m_finished = false;
};

} // namespace m1
