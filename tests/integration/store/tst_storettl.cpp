// Time to live: keys vanish when they should, and only then, on both stores. The memory
// store's clock is moved; the Redis row really waits (a few hundred milliseconds).

#include "storesuite.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_StoreTtl : public StoreSuite
{
    Q_OBJECT

private Q_SLOTS:
    void setWithPxExpires()
    {
        const QList<RedisReply> r = m_fx->run(
            { RedisCommand::of("SET", "ttl:a", "v", "PX", 300), RedisCommand::of("GET", "ttl:a"),
              RedisCommand::of("PTTL", "ttl:a"), RedisCommand::of("TTL", "ttl:a") });
        QCOMPARE(r.at(1).bytes(), QByteArray("v"));
        QVERIFY2(r.at(2).integer() > 0 && r.at(2).integer() <= 300,
                 r.at(2).toDebugString().constData());
        QVERIFY(r.at(3).integer() >= 0 && r.at(3).integer() <= 1);
        m_fx->advance(350);
        QVERIFY(waitGone("ttl:a"));
        const QList<RedisReply> after
            = m_fx->run({ RedisCommand::of("GET", "ttl:a"), RedisCommand::of("PTTL", "ttl:a"),
                          RedisCommand::of("EXISTS", "ttl:a") });
        QCOMPARE(after.at(0).toDebugString(), QByteArray("(nil)"));
        QCOMPARE(after.at(1).integer(), -2);
        QCOMPARE(after.at(2).integer(), 0);
    }

    void expireOnEveryType()
    {
        m_fx->run({ RedisCommand::of("HSET", "ttl:h", "f", "v"),
                    RedisCommand::of("RPUSH", "ttl:l", "x"),
                    RedisCommand::of("ZADD", "ttl:z", 1, "m"),
                    RedisCommand::of("XADD", "ttl:x", "*", "f", "v") });
        const QList<RedisReply> set = m_fx->run(
            { RedisCommand::of("PEXPIRE", "ttl:h", 200), RedisCommand::of("PEXPIRE", "ttl:l", 200),
              RedisCommand::of("PEXPIRE", "ttl:z", 200), RedisCommand::of("PEXPIRE", "ttl:x", 200),
              RedisCommand::of("PEXPIRE", "ttl:none", 200) });
        QCOMPARE(RedisReply::array(set).toDebugString(),
                 QByteArray("[(integer) 1, (integer) 1, (integer) 1, (integer) 1, (integer) 0]"));
        m_fx->advance(250);
        for (const char *key : { "ttl:h", "ttl:l", "ttl:z", "ttl:x" })
            QVERIFY2(waitGone(key), key);
    }

    void writesKeepOrClearTtl()
    {
        // INCR, HSET and RPUSH keep a key's expiry; SET replaces it unless KEEPTTL.
        const QList<RedisReply> r = m_fx->run({
            RedisCommand::of("SET", "c", 1, "EX", 100),
            RedisCommand::of("INCR", "c"),
            RedisCommand::of("TTL", "c"),
            RedisCommand::of("SET", "c", 5, "KEEPTTL"),
            RedisCommand::of("TTL", "c"),
            RedisCommand::of("SET", "c", 6),
            RedisCommand::of("TTL", "c"),
            RedisCommand::of("HSET", "h", "a", 1),
            RedisCommand::of("EXPIRE", "h", 100),
            RedisCommand::of("HSET", "h", "b", 2),
            RedisCommand::of("TTL", "h"),
            RedisCommand::of("PERSIST", "h"),
            RedisCommand::of("TTL", "h"),
            RedisCommand::of("EXPIRE", "h", 0),
            RedisCommand::of("EXISTS", "h"),
        });
        QCOMPARE(r.at(2).integer(), 100);
        QCOMPARE(r.at(4).integer(), 100);
        QCOMPARE(r.at(6).integer(), -1);
        QCOMPARE(r.at(10).integer(), 100);
        QCOMPARE(r.at(11).integer(), 1);
        QCOMPARE(r.at(12).integer(), -1);
        QCOMPARE(r.at(13).integer(), 1);
        QCOMPARE(r.at(14).integer(), 0);
    }

    void notBeforeItsTime()
    {
        m_fx->run(RedisCommand::of("SET", "long", "v", "PX", 60000));
        m_fx->advance(100);
        QCOMPARE(m_fx->run(RedisCommand::of("GET", "long")).bytes(), QByteArray("v"));
        const qint64 left = m_fx->run(RedisCommand::of("PTTL", "long")).integer();
        QVERIFY2(left > 50000 && left <= 59900, QByteArray::number(left).constData());
    }

    void setNxAfterExpiry()
    {
        // The dedup pattern: a key that expired can be claimed again.
        QCOMPARE(m_fx->run(RedisCommand::of("SET", "once", 1, "NX", "PX", 200)).toDebugString(),
                 QByteArray("OK"));
        QCOMPARE(m_fx->run(RedisCommand::of("SET", "once", 2, "NX", "PX", 200)).toDebugString(),
                 QByteArray("(nil)"));
        m_fx->advance(250);
        QVERIFY(waitGone("once"));
        QCOMPARE(m_fx->run(RedisCommand::of("SET", "once", 3, "NX", "PX", 200)).toDebugString(),
                 QByteArray("OK"));
    }

private:
    // Redis expires lazily or in its 100 ms cycle: poll for a while instead of asserting on a
    // moment.
    bool waitGone(const QByteArray &key)
    {
        for (int i = 0; i < 200; ++i) {
            if (m_fx->run(RedisCommand::of("EXISTS", key)).integer() == 0)
                return true;
            m_fx->advance(10);
        }
        return false;
    }
};

QTEST_GUILESS_MAIN(tst_StoreTtl)
#include "tst_storettl.moc"
