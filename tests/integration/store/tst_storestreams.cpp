// Streams and consumer groups (what the inbound queue of issue 5 is built on), with the same
// replies from the memory store and a real Redis.

#include "store/memorystore.h"
#include "store/streamid.h"
#include "storesuite.h"

#include <QRegularExpression>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

QByteArray dbg(const RedisReply &r)
{
    return r.toDebugString();
}

} // namespace

class tst_StoreStreams : public StoreSuite
{
    Q_OBJECT

private Q_SLOTS:
    void addAndRange()
    {
        const QList<RedisReply> r = m_fx->run({
            RedisCommand::of("XADD", "s", "1-1", "f", "a"),
            RedisCommand::of("XADD", "s", "1-2", "f", "b", "g", "c"),
            RedisCommand::of("XADD", "s", "1-2", "f", "x"),
            RedisCommand::of("XADD", "s", "0-0", "f", "x"),
            RedisCommand::of("XADD", "s", "2-*", "f", "d"),
            RedisCommand::of("XLEN", "s"),
            RedisCommand::of("XRANGE", "s", "-", "+"),
            RedisCommand::of("XRANGE", "s", "(1-1", "+", "COUNT", 1),
            RedisCommand::of("XDEL", "s", "1-1", "9-9"),
            RedisCommand::of("XLEN", "s"),
            RedisCommand::of("XADD", "s", "f", "odd"),
        });
        QCOMPARE(dbg(r.at(0)), QByteArray(R"("1-1")"));
        QCOMPARE(dbg(r.at(1)), QByteArray(R"("1-2")"));
        QCOMPARE(r.at(2).bytes(),
                 QByteArray("ERR The ID specified in XADD is equal or smaller than the target "
                            "stream top item"));
        QCOMPARE(r.at(3).bytes(),
                 QByteArray("ERR The ID specified in XADD must be greater than 0-0"));
        QCOMPARE(dbg(r.at(4)), QByteArray(R"("2-0")"));
        QCOMPARE(r.at(5).integer(), 3);
        QCOMPARE(
            dbg(r.at(6)),
            QByteArray(
                R"([["1-1", ["f", "a"]], ["1-2", ["f", "b", "g", "c"]], ["2-0", ["f", "d"]]])"));
        QCOMPARE(dbg(r.at(7)), QByteArray(R"([["1-2", ["f", "b", "g", "c"]]])"));
        QCOMPARE(r.at(8).integer(), 1);
        QCOMPARE(r.at(9).integer(), 2);
        QVERIFY(r.at(10).isError());
    }

    void autoIdsIncrease()
    {
        const QList<RedisReply> r
            = m_fx->run({ RedisCommand::of("XADD", "auto", "*", "f", 1),
                          RedisCommand::of("XADD", "auto", "*", "f", 2),
                          RedisCommand::of("XADD", "auto", "MAXLEN", "~", 2, "*", "f", 3),
                          RedisCommand::of("XADD", "auto", "MAXLEN", 2, "*", "f", 4),
                          RedisCommand::of("XLEN", "auto") });
        static const QRegularExpression id(u"^\\d+-\\d+$"_s);
        for (int i = 0; i < 4; ++i)
            QVERIFY2(id.match(QString::fromLatin1(r.at(i).bytes())).hasMatch(),
                     r.at(i).bytes().constData());
        QVERIFY(*StreamId::parse(r.at(0).bytes()) < *StreamId::parse(r.at(1).bytes()));
        QVERIFY(*StreamId::parse(r.at(2).bytes()) < *StreamId::parse(r.at(3).bytes()));
        QCOMPARE(r.at(4).integer(),
                 2); // exact MAXLEN trims to 2 (approximate may keep more on Redis)
    }

    void consumerGroup()
    {
        const QList<RedisReply> r = m_fx->run({
            RedisCommand::of("XADD", "q", "1-1", "m", "one"),
            RedisCommand::of("XADD", "q", "1-2", "m", "two"),
            RedisCommand::of("XADD", "q", "1-3", "m", "three"),
            RedisCommand::of("XGROUP", "CREATE", "q", "workers", "0"),
            RedisCommand::of("XGROUP", "CREATE", "q", "workers", "0"),
            RedisCommand::of("XGROUP", "CREATE", "nostream", "workers", "$"),
            RedisCommand::of("XGROUP", "CREATE", "fresh", "workers", "$", "MKSTREAM"),
            RedisCommand::of("XREADGROUP", "GROUP", "workers", "c1", "COUNT", 2, "STREAMS", "q",
                             ">"),
            RedisCommand::of("XREADGROUP", "GROUP", "workers", "c2", "STREAMS", "q", ">"),
            RedisCommand::of("XREADGROUP", "GROUP", "workers", "c2", "STREAMS", "q", ">"),
            RedisCommand::of("XPENDING", "q", "workers"),
            RedisCommand::of("XACK", "q", "workers", "1-1"),
            RedisCommand::of("XACK", "q", "workers", "1-1"),
            RedisCommand::of("XREADGROUP", "GROUP", "workers", "c1", "STREAMS", "q", "0"),
            RedisCommand::of("XREADGROUP", "GROUP", "nogroup", "c1", "STREAMS", "q", ">"),
            RedisCommand::of("XLEN", "fresh"),
            RedisCommand::of("XPENDING", "fresh", "workers"),
        });
        QCOMPARE(dbg(r.at(3)), QByteArray("OK"));
        QCOMPARE(r.at(4).errorCode(), QByteArray("BUSYGROUP"));
        QVERIFY(r.at(5).bytes().startsWith("ERR The XGROUP subcommand requires the key to exist"));
        QCOMPARE(dbg(r.at(6)), QByteArray("OK"));
        QCOMPARE(dbg(r.at(7)),
                 QByteArray(R"([["q", [["1-1", ["m", "one"]], ["1-2", ["m", "two"]]]]])"));
        QCOMPARE(dbg(r.at(8)), QByteArray(R"([["q", [["1-3", ["m", "three"]]]]])"));
        QCOMPARE(dbg(r.at(9)), QByteArray("(nil)"));
        QCOMPARE(dbg(r.at(10)),
                 QByteArray(R"([(integer) 3, "1-1", "1-3", [["c1", "2"], ["c2", "1"]]])"));
        QCOMPARE(r.at(11).integer(), 1);
        QCOMPARE(r.at(12).integer(), 0);
        QCOMPARE(dbg(r.at(13)), QByteArray(R"([["q", [["1-2", ["m", "two"]]]]])"));
        QCOMPARE(r.at(14).errorCode(), QByteArray("NOGROUP"));
        QCOMPARE(r.at(15).integer(), 0);
        QCOMPARE(dbg(r.at(16)), QByteArray("[(integer) 0, (nil), (nil), (nil)]"));
    }

    void autoClaimIdleEntries()
    {
        m_fx->run({ RedisCommand::of("XADD", "c", "1-1", "m", "a"),
                    RedisCommand::of("XADD", "c", "1-2", "m", "b"),
                    RedisCommand::of("XADD", "c", "1-3", "m", "c"),
                    RedisCommand::of("XGROUP", "CREATE", "c", "g", "0"),
                    RedisCommand::of("XREADGROUP", "GROUP", "g", "dead", "STREAMS", "c", ">"),
                    RedisCommand::of("XDEL", "c", "1-3") });
        // Nothing is idle long enough yet; the deleted entry is reported (and forgotten) at once.
        QCOMPARE(dbg(m_fx->run(RedisCommand::of("XAUTOCLAIM", "c", "g", "alive", 60000, "0-0"))),
                 QByteArray(R"(["0-0", [], ["1-3"]])"));
        m_fx->advance(150);
        const QList<RedisReply> r = m_fx->run({
            RedisCommand::of("XAUTOCLAIM", "c", "g", "alive", 100, "0-0", "COUNT", 10),
            RedisCommand::of("XPENDING", "c", "g"),
            RedisCommand::of("XPENDING", "c", "g", "-", "+", 10),
        });
        QCOMPARE(dbg(r.at(0)),
                 QByteArray(R"(["0-0", [["1-1", ["m", "a"]], ["1-2", ["m", "b"]]], []])"));
        QCOMPARE(dbg(r.at(1)), QByteArray(R"([(integer) 2, "1-1", "1-2", [["alive", "2"]]])"));
        const RedisReply &detail = r.at(2);
        QCOMPARE(detail.elements().size(), 2);
        QCOMPARE(detail.elements().at(0).elements().at(1).bytes(), QByteArray("alive"));
        QCOMPARE(detail.elements().at(0).elements().at(3).integer(), 2); // delivered twice
    }

    void blockingReadWakesOnAdd()
    {
        m_fx->run(RedisCommand::of("XGROUP", "CREATE", "b", "g", "$", "MKSTREAM"));
        // The blocked read holds its connection: the XADD goes through the second one.
        QFuture<QList<RedisReply>> read
            = m_fx->store().pipeline({ RedisCommand::of("XREADGROUP", "GROUP", "g", "c", "BLOCK",
                                                        10000, "STREAMS", "b", ">"),
                                       RedisCommand::of("PING") });
        m_fx->advance(50);
        const RedisReply added = StoreFixture::await(
            m_fx->second().command(RedisCommand::of("XADD", "b", "5-1", "m", "hi")));
        QCOMPARE(dbg(added), QByteArray(R"("5-1")"));
        bool finished = false;
        const QList<RedisReply> r = StoreFixture::await(read, 10000, &finished);
        QVERIFY(finished);
        QCOMPARE(dbg(r.value(0)), QByteArray(R"([["b", [["5-1", ["m", "hi"]]]]])"));
        QCOMPARE(dbg(r.value(1)), QByteArray("PONG"));
    }

    void blockingReadTimesOut()
    {
        m_fx->run(RedisCommand::of("XGROUP", "CREATE", "t", "g", "$", "MKSTREAM"));
        bool finished = false;
        const QList<RedisReply> r = StoreFixture::await(
            m_fx->store().pipeline({ RedisCommand::of("XREADGROUP", "GROUP", "g", "c", "BLOCK", 100,
                                                      "STREAMS", "t", ">") }),
            10000, &finished);
        QVERIFY(finished);
        QCOMPARE(dbg(r.value(0)), QByteArray("(nil)"));
    }

    void closingReleasesBlockedReads()
    {
        if (m_fx->isRedis())
            QSKIP("covered for Redis by tst_redisreconnect::destroyedWhileDown");
        ManualClock clock;
        MetricsRegistry metrics(clock);
        auto store = std::make_unique<MemoryStore>(clock, metrics);
        store->pipeline({ RedisCommand::of("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM") })
            .waitForFinished();
        QFuture<QList<RedisReply>> blocked = store->pipeline(
            { RedisCommand::of("XREADGROUP", "GROUP", "g", "c", "BLOCK", 0, "STREAMS", "s", ">") });
        QVERIFY(!blocked.isFinished()); // parked: nothing to read, blocks forever
        store.reset();
        QVERIFY(blocked.isFinished());
        QVERIFY(blocked.result().value(0).isTransportError());
    }
};

QTEST_GUILESS_MAIN(tst_StoreStreams)
#include "tst_storestreams.moc"
