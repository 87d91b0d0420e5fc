#pragma once

// One `m1bot serve` child of `m1bot bench --load`: the same binary, started with the bench's
// arguments and environment (secrets go in the environment, never on the command line) on a
// fixed loopback port, so that after a crash it comes back where the load balancer expects it.
// Its output goes to a log file in the bench's folder. The bench asks it over HTTP whether it is
// healthy (/health) and what it has done (/metrics); the counters are kept per life, since a
// SIGKILL takes the process' own with it.

#include <QHash>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>

class QNetworkAccessManager;

namespace m1 {

class ServeChild : public QObject
{
    Q_OBJECT
public:
    // The /metrics counters kept (Prometheus names).
    static QStringList sampledCounters();

    ServeChild(QString program, QStringList arguments, QProcessEnvironment environment, quint16 port,
               QString logFile, QObject *parent = nullptr);
    ~ServeChild() override;

    // Starts the process (a new life). "" or why it did not start.
    QString start();
    bool isRunning() const;
    // SIGKILL, as a crash: nothing is finished or flushed. Waits (bounded) until it is gone.
    void kill();
    // SIGTERM, then waits up to timeoutMs: the exit code, -1 when it crashed or hung (then killed).
    int terminate(int timeoutMs);

    quint16 port() const { return m_port; }
    int lives() const { return int(m_samples.size()); }

    // Asks /health; `done(healthy)` runs on this object's thread. A child not running is unhealthy.
    void probeHealth(QNetworkAccessManager &network, const std::function<void(bool)> &done);
    // Reads /metrics into the current life's counters (asynchronously; the last answer wins);
    // `done` runs when the answer (or the failure) is in.
    void sample(QNetworkAccessManager &network, const std::function<void()> &done = {});
    // Counter values of each life (one map per start), as last sampled.
    const QList<QHash<QString, double>> &samples() const { return m_samples; }
    // The last lines of its log, for a message saying why it failed.
    QString logTail(int lines = 15) const;

private:
    const QString m_program;
    const QStringList m_arguments;
    const quint16 m_port;
    const QString m_logFile;
    QProcess m_process;
    QList<QHash<QString, double>> m_samples;
};

} // namespace m1
