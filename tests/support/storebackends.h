#pragma once

// The two rows every store suite runs with ("memory", "redis"), and the redis-server they share.
//
//   void initTestCase_data() { StoreBackends::addRows(); }
//   void initTestCase()      { QVERIFY2(m_backends.startRedis(), ...); }
//   void init()              { QFETCH_GLOBAL(QString, backend); m_fx = m_backends.fixture(backend);
//   ... }
//
// Without redis-server installed the redis rows are skipped (said loudly); with it installed,
// a server that does not start fails the suite.

#include "redistestserver.h"
#include "storefixture.h"

#include <memory>

namespace m1 {

class StoreBackends
{
public:
    static void addRows();

    // True when redis-server is not installed (rows will skip) or started fine.
    bool startRedis(QString *error = nullptr);
    RedisTestServer &server() { return m_server; }
    bool redisAvailable() const { return m_available; }

    // nullptr with *skip set when the backend cannot run here (redis not installed).
    std::unique_ptr<StoreFixture> fixture(const QString &backend, QString *skip);

private:
    RedisTestServer m_server;
    bool m_available = false;
};

} // namespace m1
