// StoreBackend::open turns --store into a working store and says which one it is.

#include "redistestserver.h"
#include "store/managedredisserver.h"
#include "store/storebackend.h"
#include "storefixture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_StoreBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memory()
    {
        SystemClock clock;
        MetricsRegistry metrics(clock);
        auto backend = StoreBackend::open(*StoreUrl::parse(u"memory"_s, nullptr),
                                          { QString(), clock, metrics });
        QVERIFY(backend->ready().isFinished());
        QCOMPARE(backend->ready().result(), QString());
        QVERIFY2(backend->description().startsWith(u"memory"_s),
                 qPrintable(backend->description()));
        QCOMPARE(
            StoreFixture::await(backend->store().command(RedisCommand::of("PING"))).toDebugString(),
            QByteArray("PONG"));
    }

    void redisUrl()
    {
        if (!RedisTestServer::isAvailable())
            QSKIP("redis-server is not installed");
        RedisTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        SystemClock clock;
        MetricsRegistry metrics(clock);
        const auto url = StoreUrl::parse(
            u"redis://127.0.0.1:"_s + QString::number(server.port()) + u"/2"_s, &error);
        QVERIFY2(url, qPrintable(error));
        auto backend = StoreBackend::open(*url, { QString(), clock, metrics });
        QCOMPARE(
            StoreFixture::await(backend->store().command(RedisCommand::of("PING"))).toDebugString(),
            QByteArray("PONG"));
        QVERIFY2(backend->description().contains(u"redis://127.0.0.1:"_s),
                 qPrintable(backend->description()));
    }

    void managedWithoutRedisFallsBackToMemory()
    {
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        const bool found = !ManagedRedisServer::findExecutable().isEmpty();
        SystemClock clock;
        MetricsRegistry metrics(clock);
        auto backend = StoreBackend::open(*StoreUrl::parse(u"managed"_s, nullptr),
                                          { QDir::tempPath(), clock, metrics });
        qputenv("PATH", path);
        if (found)
            QSKIP("redis-server is installed outside PATH (/usr/sbin or /usr/local/bin)");
        QVERIFY2(backend->description().contains(u"redis-server is not installed"_s),
                 qPrintable(backend->description()));
        QCOMPARE(
            StoreFixture::await(backend->store().command(RedisCommand::of("PING"))).toDebugString(),
            QByteArray("PONG"));
    }

    void managed()
    {
        if (ManagedRedisServer::findExecutable().isEmpty())
            QSKIP("redis-server is not installed");
        QTemporaryDir dir(QDir::tempPath() + u"/m1backend-XXXXXX"_s);
        SystemClock clock;
        MetricsRegistry metrics(clock);
        auto backend = StoreBackend::open(*StoreUrl::parse(u"managed"_s, nullptr),
                                          { dir.path(), clock, metrics });
        QTRY_VERIFY_WITH_TIMEOUT(backend->ready().isFinished(), 20000);
        QCOMPARE(backend->ready().result(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(backend->store().isConnected(), 15000);
        QVERIFY2(backend->description().contains(u"managed, started by this process"_s),
                 qPrintable(backend->description()));
        QVERIFY2(backend->description().contains(dir.path()), qPrintable(backend->description()));
        QCOMPARE(StoreFixture::await(backend->store().command(RedisCommand::of("SET", "a", "b")))
                     .toDebugString(),
                 QByteArray("OK"));
        backend.reset(); // stops the server it started
        QVERIFY(!QFile::exists(dir.path() + u"/redis.sock"_s));
    }
};

QTEST_GUILESS_MAIN(tst_StoreBackend)
#include "tst_storebackend.moc"
