#pragma once

// --store managed: the engine's own redis-server, a child process on a unix socket in the
// application's data folder, with append-only persistence. If a server already answers on that
// socket (another engine process started it) it is reused; only a server this object started
// is stopped again (SIGTERM: Redis flushes the append-only file and exits).
//
// start() never blocks: it returns a future (and emits ready()) that finishes on this object's
// thread once the server answers PING, or with a message saying why not.

#include "store/managedserverstart.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QProcess>

#include <memory>
template<typename T> class QPromise;

namespace m1 {

class ManagedRedisServer final : public QObject
{
    Q_OBJECT
public:
    explicit ManagedRedisServer(const QString &dataDir, QObject *parent = nullptr);
    ~ManagedRedisServer() override;

    // The redis-server on PATH (or in /usr/sbin, /usr/local/bin); empty when not installed.
    static QString findExecutable();
    void setExecutable(const QString &path) { m_executable = path; }
    void setStartTimeoutMs(int ms) { m_startTimeoutMs = ms; }

    QString socketPath() const;
    QString dataDir() const { return m_dataDir; }
    QFuture<ManagedServerStart> start();
    bool startedByUs() const { return m_process && m_process->state() != QProcess::NotRunning; }
    // Stops the server if this object started it, waiting up to `timeoutMs` for it to exit
    // (kill after that). Meant for shutdown; a server we only reused is left running.
    void stop(int timeoutMs = 5000);

Q_SIGNALS:
    void ready(const m1::ManagedServerStart &result);

private:
    void launch();
    void poll();
    void finish(ManagedServerStart result);
    bool writeConfig(const QString &path, QString *error) const;
    QString logTail() const;

    QString m_dataDir;
    QString m_executable;
    int m_startTimeoutMs = 15000;
    qint64 m_deadlineMs = 0;
    QPointer<QProcess> m_process;
    std::shared_ptr<QPromise<ManagedServerStart>> m_promise;
    QFuture<ManagedServerStart> m_future;
};

} // namespace m1
