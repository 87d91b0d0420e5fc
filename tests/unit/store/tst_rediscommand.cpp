// RedisCommand and RedisReply: names for metrics, blocking detection for timeouts, wire sizes
// for the byte counters, readable debug forms.

#include "store/rediscommand.h"
#include "store/redisreply.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_RedisCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsArguments()
    {
        const RedisCommand c
            = RedisCommand::of("set", QByteArray("k"), u"čvor"_s, "PX", 1500, qint64(-2));
        QCOMPARE(c.argv(), (QByteArrayList { "set", "k", "\xc4\x8dvor", "PX", "1500", "-2" }));
        QCOMPARE(c.name(), QByteArray("SET"));
        QCOMPARE(RedisCommand::of("xgroup", "create", "s", "g", "$").name(),
                 QByteArray("XGROUP CREATE"));
        QCOMPARE(RedisCommand::of("script", "load", "return 1").name(), QByteArray("SCRIPT LOAD"));
    }

    void evalShaCarriesItsScript()
    {
        auto script = std::make_shared<const LuaScript>("s", "return 1", nullptr);
        const RedisCommand c = RedisCommand::evalSha(script, { "k1", "k2" }, { "a" });
        QCOMPARE(c.argv(),
                 (QByteArrayList { "EVALSHA", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "2", "k1",
                                   "k2", "a" }));
        QCOMPARE(c.script(), script);
    }

    void blocking()
    {
        QCOMPARE(RedisCommand::of("GET", "k").blockingMs(), -1);
        QCOMPARE(
            RedisCommand::of("XREADGROUP", "GROUP", "g", "c", "BLOCK", 500, "STREAMS", "s", ">")
                .blockingMs(),
            500);
        QCOMPARE(RedisCommand::of("XREADGROUP", "GROUP", "g", "c", "block", 0, "STREAMS", "s", ">")
                     .blockingMs(),
                 0);
        QCOMPARE(
            RedisCommand::of("XREADGROUP", "GROUP", "g", "c", "STREAMS", "BLOCK", ">").blockingMs(),
            -1);
    }

    void wireSizes()
    {
        QCOMPARE(RedisCommand::of("GET", "k").wireSize(),
                 qsizetype(QByteArray("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n").size()));
        QCOMPARE(
            RedisCommand::of("SET", "k", QByteArray(10, 'v')).wireSize(),
            qsizetype(QByteArray("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$10\r\nvvvvvvvvvv\r\n").size()));
        QCOMPARE(RedisReply::nil().wireSize(), 5);
        QCOMPARE(RedisReply::ok().wireSize(), 5);
        QCOMPARE(RedisReply::integer(-42).wireSize(), qsizetype(QByteArray(":-42\r\n").size()));
        QCOMPARE(RedisReply::string("abc").wireSize(),
                 qsizetype(QByteArray("$3\r\nabc\r\n").size()));
        QCOMPARE(RedisReply::array({ RedisReply::integer(1), RedisReply::nil() }).wireSize(),
                 qsizetype(QByteArray("*2\r\n:1\r\n$-1\r\n").size()));
    }

    void replies()
    {
        QCOMPARE(RedisReply::array({ RedisReply::string("a"), RedisReply::nil(),
                                     RedisReply::integer(3), RedisReply::error("ERR x") })
                     .toDebugString(),
                 QByteArray(R"(["a", (nil), (integer) 3, (error) ERR x])"));
        const RedisReply t = RedisReply::transportError(u"not connected"_s);
        QVERIFY(t.isError());
        QVERIFY(t.isTransportError());
        QVERIFY(!RedisReply::error("ERR").isTransportError());
        QCOMPARE(RedisReply::error("WRONGTYPE Operation").errorCode(), QByteArray("WRONGTYPE"));
        bool ok = false;
        QCOMPARE(RedisReply::string("17").toInteger(&ok), 17);
        QVERIFY(ok);
        RedisReply::string("x").toInteger(&ok);
        QVERIFY(!ok);
        QVERIFY(!RedisReply::nil().toOptionalBytes());
        QVERIFY(RedisReply::ok().isOk());
    }

    void debugStringShortensValues()
    {
        const QString s = RedisCommand::of("SET", "m1:{1}:state", QByteArray(300, 'x'), "PX", 5)
                              .toDebugString();
        QCOMPARE(s, u"SET m1:{1}:state <300 bytes> PX 5"_s);
    }
};

QTEST_GUILESS_MAIN(tst_RedisCommand)
#include "tst_rediscommand.moc"
