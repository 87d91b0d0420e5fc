#include "storebackends.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace m1 {

void StoreBackends::addRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("memory") << u"memory"_s;
    QTest::newRow("redis") << u"redis"_s;
}

bool StoreBackends::startRedis(QString *error)
{
    m_available = RedisTestServer::isAvailable();
    if (!m_available) {
        qWarning("redis-server is not installed: the redis rows of this suite are SKIPPED");
        return true;
    }
    return m_server.start(error);
}

std::unique_ptr<StoreFixture> StoreBackends::fixture(const QString &backend, QString *skip)
{
    if (backend == u"redis" && !m_available) {
        *skip = u"redis-server is not installed"_s;
        return nullptr;
    }
    if (backend == u"redis" && !m_server.isRunning()) {
        QString error;
        m_server.start(&error); // a previous test may have stopped it
    }
    return std::make_unique<StoreFixture>(backend, &m_server);
}

} // namespace m1
