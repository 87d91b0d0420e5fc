// --store managed: the engine starts its own redis-server in its data folder, reuses one that
// is already running there, stops only what it started, and keeps data across restarts (AOF).

#include "redistestserver.h"
#include "store/managedredisserver.h"
#include "store/redisstore.h"
#include "storefixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

ManagedServerStart startAndWait(ManagedRedisServer &server)
{
    QFuture<ManagedServerStart> future = server.start();
    // Runs the event loop the server lives on (never QTRY_ here: it returns void on failure).
    QDeadlineTimer deadline(20000);
    while (!future.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return future.isFinished() ? future.result()
                               : ManagedServerStart { false, false, {}, u"start timed out"_s };
}

RedisReply ask(KeyValueStore &store, const RedisCommand &command)
{
    return StoreFixture::await(store.command(command), 15000);
}

bool waitConnected(RedisStore &store)
{
    QDeadlineTimer deadline(15000);
    while (!store.isConnected() && !deadline.hasExpired())
        QThread::msleep(5);
    return store.isConnected();
}

} // namespace

class tst_ManagedRedisServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (ManagedRedisServer::findExecutable().isEmpty())
            QSKIP("redis-server is not installed");
    }

    void startReuseStop()
    {
        QTemporaryDir dir(QDir::tempPath() + u"/m1managed-XXXXXX"_s);
        QVERIFY(dir.isValid());
        SystemClock clock;
        MetricsRegistry metrics(clock);

        auto first = std::make_unique<ManagedRedisServer>(dir.path());
        QSignalSpy ready(first.get(), &ManagedRedisServer::ready);
        const ManagedServerStart started = startAndWait(*first);
        QVERIFY2(started.ok, qPrintable(started.message));
        QVERIFY(!started.reused);
        QVERIFY(first->startedByUs());
        QCOMPARE(ready.count(), 1);
        QCOMPARE(started.socketPath, dir.path() + u"/redis.sock"_s);

        const QByteArray conf = [&] {
            QFile f(dir.path() + u"/redis.conf"_s);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(conf.contains("appendonly yes"));
        QVERIFY(conf.contains("port 0"));

        {
            RedisStore store(StoreUrl::unixSocket(started.socketPath), metrics, clock);
            QVERIFY2(waitConnected(store), qPrintable(store.lastError()));
            QCOMPARE(ask(store, RedisCommand::of("SET", "kept", "across restarts")).toDebugString(),
                     QByteArray("OK"));
        }

        // A second engine on the same data folder uses the running server and does not own it.
        auto second = std::make_unique<ManagedRedisServer>(dir.path());
        const ManagedServerStart reused = startAndWait(*second);
        QVERIFY2(reused.ok, qPrintable(reused.message));
        QVERIFY(reused.reused);
        QVERIFY(!second->startedByUs());
        second.reset(); // must leave the server running
        {
            RedisStore store(StoreUrl::unixSocket(started.socketPath), metrics, clock);
            QVERIFY2(waitConnected(store), "the reusing engine stopped a server it did not start");
        }

        // The owner stops it; the append-only file keeps the data for the next start.
        first->stop();
        QVERIFY(!first->startedByUs());
        QVERIFY(!QFile::exists(started.socketPath));
        QVERIFY(QDir(dir.path() + u"/appendonlydir"_s).exists()
                || QFile::exists(dir.path() + u"/appendonly.aof"_s));
        first.reset();

        ManagedRedisServer third(dir.path());
        const ManagedServerStart again = startAndWait(third);
        QVERIFY2(again.ok, qPrintable(again.message));
        QVERIFY(!again.reused);
        RedisStore store(StoreUrl::unixSocket(again.socketPath), metrics, clock);
        QVERIFY2(waitConnected(store), qPrintable(store.lastError()));
        QCOMPARE(ask(store, RedisCommand::of("GET", "kept")).bytes(),
                 QByteArray("across restarts"));
    }

    void staleSocketIsReplaced()
    {
        QTemporaryDir dir(QDir::tempPath() + u"/m1managed-XXXXXX"_s);
        QFile stale(dir.path() + u"/redis.sock"_s);
        QVERIFY(stale.open(QIODevice::WriteOnly)); // left behind by a crash: nothing answers on it
        stale.close();
        ManagedRedisServer server(dir.path());
        const ManagedServerStart started = startAndWait(server);
        QVERIFY2(started.ok, qPrintable(started.message));
        QVERIFY(!started.reused);
    }

    void missingExecutableIsExplained()
    {
        QTemporaryDir dir(QDir::tempPath() + u"/m1managed-XXXXXX"_s);
        ManagedRedisServer server(dir.path());
        server.setExecutable(dir.path() + u"/no-such-redis-server"_s);
        const ManagedServerStart result = startAndWait(server);
        QVERIFY(!result.ok);
        QVERIFY2(result.message.contains(u"no-such-redis-server"_s), qPrintable(result.message));
        QVERIFY(!server.startedByUs());
    }

    void tooLongPathIsExplained()
    {
        ManagedRedisServer server(QDir::tempPath() + u"/"_s + QString(120, u'x'));
        const ManagedServerStart result = startAndWait(server);
        QVERIFY(!result.ok);
        QVERIFY2(result.message.contains(u"too long"_s), qPrintable(result.message));
    }
};

QTEST_GUILESS_MAIN(tst_ManagedRedisServer)
#include "tst_managedredisserver.moc"
