#pragma once

// Asks a redis-server on a unix socket "are you up?" (PING → +PONG) without hiredis and without
// blocking: ManagedRedisServer uses it to tell a live server (reuse it) from a stale socket
// file, and to notice when the server it started is ready.

#include <QObject>
#include <QString>

#include <functional>

class QLocalSocket;

namespace m1 {

class RedisSocketProbe final : public QObject
{
public:
    using Callback = std::function<void(bool answered, const QString &detail)>;

    // Probes once; `callback` runs on this object's thread, exactly once, within `timeoutMs`.
    // The probe deletes itself afterwards.
    static void probe(const QString &socketPath, int timeoutMs, QObject *context,
                      Callback callback);

private:
    RedisSocketProbe(const QString &socketPath, int timeoutMs, Callback callback, QObject *parent);
    void finish(bool answered, const QString &detail);

    QLocalSocket *m_socket;
    Callback m_callback;
    QByteArray m_buffer;
    bool m_done = false;
};

} // namespace m1
