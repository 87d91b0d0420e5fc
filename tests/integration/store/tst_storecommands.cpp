// The commands the engine uses, with the same replies from the memory store and a real Redis
// (the redis row proves the expectations are Redis' own).

#include "storesuite.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

QByteArray dbg(const RedisReply &r)
{
    return r.toDebugString();
}

QByteArray dbg(const QList<RedisReply> &replies)
{
    return RedisReply::array(replies).toDebugString();
}

QMap<QByteArray, QByteArray> pairs(const RedisReply &r)
{
    QMap<QByteArray, QByteArray> map;
    for (qsizetype i = 0; i + 1 < r.elements().size(); i += 2)
        map.insert(r.elements().at(i).bytes(), r.elements().at(i + 1).bytes());
    return map;
}

} // namespace

class tst_StoreCommands : public StoreSuite
{
    Q_OBJECT

private Q_SLOTS:
    void strings()
    {
        const QList<RedisReply> r = m_fx->run({
            RedisCommand::of("SET", "s:a", "hello"),
            RedisCommand::of("GET", "s:a"),
            RedisCommand::of("GET", "s:missing"),
            RedisCommand::of("SET", "s:a", "other", "NX"),
            RedisCommand::of("SET", "s:b", "fresh", "NX"),
            RedisCommand::of("SET", "s:c", "x", "XX"),
            RedisCommand::of("SET", "s:a", "world", "XX", "GET"),
            RedisCommand::of("GET", "s:a"),
            RedisCommand::of("MSET", "s:m1", "1", "s:m2", "2"),
            RedisCommand::of("MGET", "s:m1", "s:missing", "s:m2"),
            RedisCommand::of("SET", QByteArray("bin\0ary", 7), QByteArray("\0\r\n", 3)),
            RedisCommand::of("GET", QByteArray("bin\0ary", 7)),
        });
        QCOMPARE(
            dbg(r),
            QByteArray(
                R"([OK, "hello", (nil), (nil), OK, (nil), "hello", "world", OK, ["1", (nil), "2"], OK, ")")
                + QByteArray("\0\r\n", 3) + "\"]");
    }

    void counters()
    {
        const QList<RedisReply> r = m_fx->run({
            RedisCommand::of("INCR", "n"),
            RedisCommand::of("INCRBY", "n", 41),
            RedisCommand::of("DECR", "n"),
            RedisCommand::of("DECRBY", "n", 1),
            RedisCommand::of("GET", "n"),
            RedisCommand::of("SET", "word", "abc"),
            RedisCommand::of("INCR", "word"),
            RedisCommand::of("INCRBY", "n", "x"),
        });
        QCOMPARE(
            dbg(r.mid(0, 6)),
            QByteArray(R"([(integer) 1, (integer) 42, (integer) 41, (integer) 40, "40", OK])"));
        QCOMPARE(r.at(6).bytes(), QByteArray("ERR value is not an integer or out of range"));
        QCOMPARE(r.at(7).bytes(), QByteArray("ERR value is not an integer or out of range"));
    }

    void keysAndTypes()
    {
        const QList<RedisReply> r = m_fx->run({
            RedisCommand::of("SET", "k:s", "v"),
            RedisCommand::of("HSET", "k:h", "f", "v"),
            RedisCommand::of("RPUSH", "k:l", "a"),
            RedisCommand::of("ZADD", "k:z", 1, "m"),
            RedisCommand::of("XADD", "k:x", "*", "f", "v"),
            RedisCommand::of("TYPE", "k:s"),
            RedisCommand::of("TYPE", "k:h"),
            RedisCommand::of("TYPE", "k:l"),
            RedisCommand::of("TYPE", "k:z"),
            RedisCommand::of("TYPE", "k:x"),
            RedisCommand::of("TYPE", "k:none"),
            RedisCommand::of("GET", "k:h"),
            RedisCommand::of("EXISTS", "k:s", "k:h", "k:none"),
            RedisCommand::of("DEL", "k:s", "k:h", "k:none"),
            RedisCommand::of("EXISTS", "k:s", "k:h"),
            RedisCommand::of("DBSIZE"),
            RedisCommand::of("PING"),
            RedisCommand::of("ECHO", "hi"),
        });
        QCOMPARE(dbg(r.mid(5, 6)), QByteArray("[string, hash, list, zset, stream, none]"));
        QCOMPARE(r.at(11).errorCode(), QByteArray("WRONGTYPE"));
        QCOMPARE(dbg(r.mid(12)),
                 QByteArray(R"([(integer) 2, (integer) 2, (integer) 0, (integer) 3, PONG, "hi"])"));
    }

    void hashes()
    {
        const QList<RedisReply> r = m_fx->run({
            RedisCommand::of("HSET", "h", "a", 1, "b", 2),
            RedisCommand::of("HSET", "h", "a", 3, "c", 4),
            RedisCommand::of("HGET", "h", "a"),
            RedisCommand::of("HGET", "h", "zz"),
            RedisCommand::of("HGET", "nohash", "a"),
            RedisCommand::of("HMGET", "h", "a", "zz", "c"),
            RedisCommand::of("HINCRBY", "h", "n", 5),
            RedisCommand::of("HINCRBY", "h", "a", 2),
            RedisCommand::of("HLEN", "h"),
            RedisCommand::of("HEXISTS", "h", "c"),
            RedisCommand::of("HDEL", "h", "a", "c", "x"),
            RedisCommand::of("HGETALL", "h"),
            RedisCommand::of("HGETALL", "nohash"),
            RedisCommand::of("HSET", "h", "s", "abc"),
            RedisCommand::of("HINCRBY", "h", "s", 1),
            RedisCommand::of("HDEL", "h", "b", "n", "s"),
            RedisCommand::of("EXISTS", "h"),
        });
        QCOMPARE(
            dbg(r.mid(0, 11)),
            QByteArray(
                R"([(integer) 2, (integer) 1, "3", (nil), (nil), ["3", (nil), "4"], (integer) 5, )"
                R"((integer) 5, (integer) 4, (integer) 1, (integer) 2])"));
        QCOMPARE(pairs(r.at(11)), (QMap<QByteArray, QByteArray> { { "b", "2" }, { "n", "5" } }));
        QCOMPARE(dbg(r.at(12)), QByteArray("[]"));
        QCOMPARE(r.at(14).bytes(), QByteArray("ERR hash value is not an integer"));
        QCOMPARE(dbg(r.mid(15)),
                 QByteArray("[(integer) 3, (integer) 0]")); // an emptied hash is gone
    }

    void lists()
    {
        const QList<RedisReply> r = m_fx->run({
            RedisCommand::of("RPUSH", "l", "a", "b", "c"),
            RedisCommand::of("LPUSH", "l", "z"),
            RedisCommand::of("LRANGE", "l", 0, -1),
            RedisCommand::of("LRANGE", "l", -2, -1),
            RedisCommand::of("LRANGE", "l", 5, 10),
            RedisCommand::of("LRANGE", "l", -100, 1),
            RedisCommand::of("LTRIM", "l", -3, -1),
            RedisCommand::of("LRANGE", "l", 0, -1),
            RedisCommand::of("LLEN", "l"),
            RedisCommand::of("LPOP", "l"),
            RedisCommand::of("RPOP", "l"),
            RedisCommand::of("LINDEX", "l", 0),
            RedisCommand::of("LTRIM", "l", 1, 0),
            RedisCommand::of("EXISTS", "l"),
            RedisCommand::of("LPOP", "l"),
            RedisCommand::of("LLEN", "l"),
        });
        QCOMPARE(
            dbg(r),
            QByteArray(
                R"([(integer) 3, (integer) 4, ["z", "a", "b", "c"], ["b", "c"], [], ["z", "a"], OK, )"
                R"(["a", "b", "c"], (integer) 3, "a", "c", "b", OK, (integer) 0, (nil), (integer) 0])"));
    }

    void sortedSets()
    {
        const QList<RedisReply> r = m_fx->run({
            RedisCommand::of("ZADD", "z", 1, "a", 2, "b", 3, "c"),
            RedisCommand::of("ZADD", "z", 5, "a"),
            RedisCommand::of("ZADD", "z", "CH", 6, "a", 7, "d"),
            RedisCommand::of("ZADD", "z", "NX", 100, "a"),
            RedisCommand::of("ZSCORE", "z", "a"),
            RedisCommand::of("ZADD", "z", "XX", "1.5", "b"),
            RedisCommand::of("ZSCORE", "z", "b"),
            RedisCommand::of("ZRANGE", "z", 0, -1),
            RedisCommand::of("ZRANGE", "z", 0, 1, "WITHSCORES"),
            RedisCommand::of("ZRANGEBYSCORE", "z", "(1.5", 6),
            RedisCommand::of("ZRANGE", "z", "+inf", 3, "BYSCORE", "REV", "LIMIT", 0, 2),
            RedisCommand::of("ZCOUNT", "z", "-inf", "+inf"),
            RedisCommand::of("ZREMRANGEBYSCORE", "z", "-inf", "(3"),
            RedisCommand::of("ZREM", "z", "c", "zz"),
            RedisCommand::of("ZCARD", "z"),
            RedisCommand::of("ZADD", "z", "INCR", 2, "a"),
            RedisCommand::of("ZADD", "z", "GT", 1, "a"),
            RedisCommand::of("ZSCORE", "z", "a"),
        });
        QCOMPARE(
            dbg(r),
            QByteArray(
                R"([(integer) 3, (integer) 0, (integer) 2, (integer) 0, "6", (integer) 0, "1.5", )"
                R"(["b", "c", "a", "d"], ["b", "1.5", "c", "3"], ["c", "a"], ["d", "a"], )"
                R"((integer) 4, (integer) 1, (integer) 1, (integer) 2, "8", (integer) 0, "8"])"));
    }

    void errorsAreValues()
    {
        const QList<RedisReply> r = m_fx->run({
            RedisCommand::of("NOSUCHCOMMAND", "x"),
            RedisCommand::of("GET"),
            RedisCommand::of("SET", "k", "v", "EX", 0),
            RedisCommand::of("SET", "k", "v", "BOGUS"),
            RedisCommand::of("PING"),
        });
        QCOMPARE(r.at(0).errorCode(), QByteArray("ERR"));
        QVERIFY(!r.at(0).isTransportError());
        QCOMPARE(r.at(1).bytes(), QByteArray("ERR wrong number of arguments for 'get' command"));
        QCOMPARE(r.at(2).bytes(), QByteArray("ERR invalid expire time in 'set' command"));
        QCOMPARE(r.at(3).bytes(), QByteArray("ERR syntax error"));
        QCOMPARE(dbg(r.at(4)), QByteArray("PONG")); // an error does not break the pipeline
    }

    void pipelineKeepsOrder()
    {
        QList<RedisCommand> commands;
        for (int i = 0; i < 500; ++i)
            commands.append(RedisCommand::of("INCR", "ordered"));
        const QList<RedisReply> r = m_fx->run(commands);
        QCOMPARE(r.size(), 500);
        for (int i = 0; i < 500; ++i)
            QCOMPARE(r.at(i).integer(), qint64(i + 1));
    }

    void emptyPipeline() { QCOMPARE(m_fx->run(QList<RedisCommand> {}).size(), 0); }

    void transactions()
    {
        const QList<RedisReply> ok = StoreFixture::await(m_fx->store().transaction(
            { RedisCommand::of("SET", "t", 1), RedisCommand::of("INCR", "t"),
              RedisCommand::of("GET", "t") }));
        QCOMPARE(dbg(ok), QByteArray(R"([OK, (integer) 2, "2"])"));

        // A command Redis rejects while queueing aborts the whole transaction.
        const QList<RedisReply> aborted = StoreFixture::await(m_fx->store().transaction(
            { RedisCommand::of("SET", "t", 100), RedisCommand::of("NOSUCHCOMMAND") }));
        QCOMPARE(aborted.size(), 2);
        QVERIFY(aborted.at(0).isError());
        QVERIFY2(aborted.at(0).bytes().startsWith("EXECABORT"), aborted.at(0).bytes().constData());
        QCOMPARE(dbg(m_fx->run(RedisCommand::of("GET", "t"))), QByteArray(R"("2")"));

        // A command that fails when run fails alone; the others are applied.
        m_fx->run(RedisCommand::of("HSET", "th", "f", "v"));
        const QList<RedisReply> partial = StoreFixture::await(m_fx->store().transaction(
            { RedisCommand::of("INCR", "th"), RedisCommand::of("INCR", "t") }));
        QCOMPARE(partial.at(0).errorCode(), QByteArray("WRONGTYPE"));
        QCOMPARE(partial.at(1).integer(), 3);
    }

    void metricsCountCommandsAndRoundTrips()
    {
        MetricsRegistry &metrics = m_fx->metrics();
        const quint64 commands = metrics.counter(u"store.commands"_s).value();
        const quint64 roundTrips = metrics.counter(u"store.round_trips"_s).value();
        const quint64 gets = metrics.counter(u"store.command.get"_s).value();
        const quint64 errors = metrics.counter(u"store.errors"_s).value();
        const quint64 bytesOut = metrics.counter(u"store.bytes_out"_s).value();
        m_fx->run({ RedisCommand::of("SET", "m", "v"), RedisCommand::of("GET", "m"),
                    RedisCommand::of("GET", "m"), RedisCommand::of("NOSUCHCOMMAND") });
        QCOMPARE(metrics.counter(u"store.commands"_s).value() - commands, 4u);
        QCOMPARE(metrics.counter(u"store.round_trips"_s).value() - roundTrips, 1u);
        QCOMPARE(metrics.counter(u"store.command.get"_s).value() - gets, 2u);
        QCOMPARE(metrics.counter(u"store.errors"_s).value() - errors, 1u);
        // RESP: "SET m v" is 27 bytes, "GET m" 20 each, "NOSUCHCOMMAND" 24.
        QCOMPARE(metrics.counter(u"store.bytes_out"_s).value() - bytesOut,
                 quint64(27 + 20 + 20 + 24));
        QVERIFY(metrics.histogram(u"store.latency"_s).count() > 0);
    }
};

QTEST_GUILESS_MAIN(tst_StoreCommands)
#include "tst_storecommands.moc"
