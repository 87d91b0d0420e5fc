#pragma once

// A throw-away redis-server for tests: a free loopback port plus a unix socket in a temporary
// folder, no persistence. It can be stopped, killed and started again on the same port and
// socket (the reconnect tests), and it is stopped when the object goes away.

#include "spawnedprocess.h"
#include "store/storeurl.h"

#include <QString>
#include <QTemporaryDir>

// For a suite's initTestCase(): skips it when redis-server is not installed, fails it when
// `server` does not start. A macro, as QSKIP and QVERIFY must return from the slot.
#define M1_START_REDIS_TEST_SERVER(server)                                                         \
    do {                                                                                           \
        if (!m1::RedisTestServer::isAvailable())                                                   \
            QSKIP("redis-server is not installed");                                                \
        QString m1RedisError;                                                                      \
        QVERIFY2((server).start(&m1RedisError), qPrintable(m1RedisError));                         \
    } while (false)

namespace m1 {

class RedisTestServer
{
public:
    RedisTestServer();
    ~RedisTestServer();
    RedisTestServer(const RedisTestServer &) = delete;
    RedisTestServer &operator=(const RedisTestServer &) = delete;

    static bool isAvailable(); // redis-server installed

    // Append-only persistence with this fsync policy ("everysec" as the managed server, or
    // "always"), set before start(): a server killed and started again keeps what it
    // acknowledged. Empty (the default): no persistence, a restart starts empty.
    void setAppendOnly(const QString &fsyncPolicy) { m_appendFsync = fsyncPolicy; }

    // Starts (or starts again, same port and socket) and waits until it answers PING.
    bool start(QString *error = nullptr);
    void stop(); // SIGTERM, waits
    void kill(); // SIGKILL: a crash, nothing flushed
    bool isRunning() const;
    // SIGSTOP / SIGCONT: a server that accepts and then answers nothing (timeout tests).
    void freeze();
    void thaw();

    int port() const { return m_port; }
    QString socketPath() const;
    StoreUrl tcpUrl(int db = 0) const
    {
        return StoreUrl::tcp(QStringLiteral("127.0.0.1"), m_port, db);
    }
    StoreUrl unixUrl(int db = 0) const { return StoreUrl::unixSocket(socketPath(), db); }

private:
    bool waitForPing(int timeoutMs) const;
    QString logPath() const;

    QTemporaryDir m_dir;
    SpawnedProcess m_process; // not QProcess: see spawnedprocess.h
    int m_port = 0;
    QString m_appendFsync;
};

} // namespace m1
