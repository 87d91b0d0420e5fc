// What the engine sees when Redis misbehaves: nothing listening, a restart in the middle of
// work, a server that stops answering, a refused handshake. Every command comes back — with a
// clear transport error while Redis is away — nothing hangs, nothing crashes, and the
// connection comes back by itself.

#include "redistestserver.h"
#include "store/redisstore.h"
#include "storefixture.h"

#include <QTcpServer>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

RedisReply runOne(KeyValueStore &store, const RedisCommand &command, bool *finished = nullptr)
{
    return StoreFixture::await(store.command(command), 15000, finished);
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 15000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(10);
    }
    return true;
}

} // namespace

class tst_RedisReconnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!RedisTestServer::isAvailable())
            QSKIP("redis-server is not installed");
    }

    void nothingListening()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();

        SystemClock clock;
        MetricsRegistry metrics(clock);
        RedisStore store(StoreUrl::tcp(u"127.0.0.1"_s, port), metrics, clock);
        bool finished = false;
        const RedisReply first = runOne(store, RedisCommand::of("PING"), &finished);
        QVERIFY(finished);
        QVERIFY(first.isTransportError());
        QVERIFY2(first.errorMessage().contains(QString::number(port)),
                 qPrintable(first.errorMessage()));
        QVERIFY2(first.errorMessage().contains(u"refused"_s, Qt::CaseInsensitive),
                 qPrintable(first.errorMessage()));
        qInfo().noquote() << "nothing listening:" << first.errorMessage();

        // Between attempts a command fails at once, saying when the next attempt is.
        const RedisReply again = runOne(store, RedisCommand::of("GET", "k"), &finished);
        QVERIFY(finished);
        QVERIFY(again.isTransportError());
        QVERIFY(!store.isConnected());
        QVERIFY(metrics.counter(u"store.connect_failures"_s).value() >= 1);
    }

    void restartMidTest()
    {
        RedisTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        SystemClock clock;
        MetricsRegistry metrics(clock);
        RedisStoreOptions options;
        options.backoffMaxMs = 400;
        RedisStore store(server.tcpUrl(), metrics, clock, options);
        QVERIFY(waitFor([&] { return store.isConnected(); }));
        QCOMPARE(runOne(store, RedisCommand::of("SET", "k", "before")).toDebugString(),
                 QByteArray("OK"));

        // In flight when Redis dies: a read that would block forever.
        QFuture<QList<RedisReply>> blocked = store.pipeline(
            { RedisCommand::of("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM"),
              RedisCommand::of("XREADGROUP", "GROUP", "g", "c", "BLOCK", 0, "STREAMS", "s", ">") });
        QThread::msleep(100);
        server.kill(); // a crash, not a polite shutdown

        bool finished = false;
        const QList<RedisReply> lost = StoreFixture::await(blocked, 15000, &finished);
        QVERIFY2(finished, "a command in flight when Redis died never came back");
        QVERIFY(lost.value(1).isTransportError());
        qInfo().noquote() << "in flight when redis died:" << lost.value(1).errorMessage();

        // While it is down: every command answers, quickly, with the reason.
        QVERIFY(waitFor([&] { return !store.isConnected(); }));
        QStringList messages;
        for (int i = 0; i < 20; ++i) {
            const RedisReply r = runOne(store, RedisCommand::of("GET", "k"), &finished);
            QVERIFY2(finished, "a command issued while Redis was down hung");
            QVERIFY2(r.isTransportError(), r.toDebugString().constData());
            messages.append(r.errorMessage());
            QThread::msleep(20);
        }
        qInfo().noquote() << "while down:" << messages.constLast();
        QVERIFY(messages.constLast().contains(QString::number(server.port())));

        // Back on the same port: the store reconnects by itself.
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY2(waitFor([&] { return store.isConnected(); }), qPrintable(store.lastError()));
        QCOMPARE(runOne(store, RedisCommand::of("SET", "k", "after")).toDebugString(),
                 QByteArray("OK"));
        QCOMPARE(runOne(store, RedisCommand::of("GET", "k")).bytes(), QByteArray("after"));
        QVERIFY(metrics.counter(u"store.reconnects"_s).value() >= 1);
        QVERIFY(metrics.counter(u"store.transport_errors"_s).value() >= 20);
    }

    void silentServerTimesOut()
    {
        RedisTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        SystemClock clock;
        MetricsRegistry metrics(clock);
        StoreUrl url = server.tcpUrl();
        url.commandTimeoutMs = 300;
        url.connectTimeoutMs = 300;
        RedisStore store(url, metrics, clock);
        QVERIFY(waitFor([&] { return store.isConnected(); }));

        server.freeze();
        bool finished = false;
        const RedisReply r = runOne(store, RedisCommand::of("PING"), &finished);
        server.thaw();
        QVERIFY2(finished, "a command to a silent server never came back");
        QVERIFY(r.isTransportError());
        QVERIFY2(r.errorMessage().contains(u"300 ms"_s), qPrintable(r.errorMessage()));
        qInfo().noquote() << "silent server:" << r.errorMessage();

        QVERIFY2(waitFor([&] { return store.isConnected(); }), qPrintable(store.lastError()));
        QCOMPARE(runOne(store, RedisCommand::of("PING")).toDebugString(), QByteArray("PONG"));
    }

    void refusedHandshakeIsExplained()
    {
        RedisTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        SystemClock clock;
        MetricsRegistry metrics(clock);
        StoreUrl url = server.tcpUrl();
        url.password = u"not-the-password"_s;
        RedisStore store(url, metrics, clock);
        QVERIFY(waitFor([&] { return !store.lastError().isEmpty(); }));
        const RedisReply r = runOne(store, RedisCommand::of("PING"));
        QVERIFY(r.isTransportError());
        QVERIFY2(r.errorMessage().contains(u"AUTH"_s), qPrintable(r.errorMessage()));
        QVERIFY(!store.isConnected());
        QVERIFY2(!url.toDisplayString().contains(u"not-the-password"_s),
                 qPrintable(url.toDisplayString()));
    }

    void selectsTheDatabase()
    {
        RedisTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        SystemClock clock;
        MetricsRegistry metrics(clock);
        RedisStore db3(server.unixUrl(3), metrics, clock);
        RedisStore db0(server.tcpUrl(0), metrics, clock);
        QCOMPARE(runOne(db3, RedisCommand::of("SET", "where", "three")).toDebugString(),
                 QByteArray("OK"));
        QCOMPARE(runOne(db0, RedisCommand::of("GET", "where")).toDebugString(),
                 QByteArray("(nil)"));
        QCOMPARE(runOne(db3, RedisCommand::of("GET", "where")).bytes(), QByteArray("three"));
    }

    void destroyedWhileDown()
    {
        // Closing a store whose server is gone must not hang or crash.
        RedisTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        SystemClock clock;
        MetricsRegistry metrics(clock);
        auto store = std::make_unique<RedisStore>(server.tcpUrl(), metrics, clock);
        QVERIFY(waitFor([&] { return store->isConnected(); }));
        QCOMPARE(runOne(*store, RedisCommand::of("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM"))
                     .toDebugString(),
                 QByteArray("OK"));
        QFuture<QList<RedisReply>> pending = store->pipeline(
            { RedisCommand::of("XREADGROUP", "GROUP", "g", "c", "BLOCK", 0, "STREAMS", "s", ">") });
        QThread::msleep(50);
        server.kill();
        store.reset();
        QVERIFY(pending.isFinished());
        QVERIFY(pending.result().value(0).isTransportError());
    }
};

QTEST_GUILESS_MAIN(tst_RedisReconnect)
#include "tst_redisreconnect.moc"
