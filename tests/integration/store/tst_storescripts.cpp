// Scripts: the Lua Redis runs and the native twin the memory store runs give the same answers,
// atomically; a script is loaded on first use inside the same round trip, and survives the
// server forgetting it (NOSCRIPT → EVAL).

#include "store/scriptcontext.h"
#include "storesuite.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

// Increment KEYS[1] up to ARGV[1]; remember the last value in hash KEYS[2].
std::shared_ptr<const LuaScript> cappedCounter()
{
    static const auto script = std::make_shared<const LuaScript>(
        QByteArrayLiteral("capped_counter"),
        QByteArrayLiteral("local v = redis.call('INCR', KEYS[1])\n"
                          "if v > tonumber(ARGV[1]) then\n"
                          "  redis.call('SET', KEYS[1], ARGV[1])\n"
                          "  return {0, tonumber(ARGV[1])}\n"
                          "end\n"
                          "redis.call('HSET', KEYS[2], 'last', v)\n"
                          "return {1, v}\n"),
        [](ScriptContext &ctx, const QByteArrayList &keys, const QByteArrayList &args) {
            const RedisReply v = ctx.call({ "INCR", keys.at(0) });
            if (v.isError())
                return v;
            if (v.integer() > args.at(0).toLongLong()) {
                ctx.call({ "SET", keys.at(0), args.at(0) });
                return RedisReply::array(
                    { RedisReply::integer(0), RedisReply::integer(args.at(0).toLongLong()) });
            }
            ctx.call({ "HSET", keys.at(1), "last", QByteArray::number(v.integer()) });
            return RedisReply::array({ RedisReply::integer(1), RedisReply::integer(v.integer()) });
        });
    return script;
}

} // namespace

class tst_StoreScripts : public StoreSuite
{
    Q_OBJECT

private Q_SLOTS:
    void luaAndNativeAgree()
    {
        QByteArrayList results;
        for (int i = 0; i < 5; ++i)
            results.append(StoreFixture::await(
                               m_fx->store().script(cappedCounter(), { "cc", "cc:h" }, { "3" }))
                               .toDebugString());
        QCOMPARE(results.join(' '),
                 QByteArray("[(integer) 1, (integer) 1] [(integer) 1, (integer) 2] "
                            "[(integer) 1, (integer) 3] [(integer) 0, (integer) 3] "
                            "[(integer) 0, (integer) 3]"));
        QCOMPARE(m_fx->run(RedisCommand::of("HGET", "cc:h", "last")).bytes(), QByteArray("3"));
        QCOMPARE(m_fx->run(RedisCommand::of("GET", "cc")).bytes(), QByteArray("3"));
    }

    void loadedInTheSameRoundTrip()
    {
        MetricsRegistry &metrics = m_fx->metrics();
        const quint64 before = metrics.counter(u"store.round_trips"_s).value();
        const QList<RedisReply> r
            = m_fx->run({ RedisCommand::of("SET", "x", 1),
                          RedisCommand::evalSha(cappedCounter(), { "c1", "c1:h" }, { "10" }),
                          RedisCommand::of("GET", "x") });
        QCOMPARE(r.size(), 3); // our SCRIPT LOAD is not among the replies
        QCOMPARE(r.at(1).toDebugString(), QByteArray("[(integer) 1, (integer) 1]"));
        QCOMPARE(r.at(2).bytes(), QByteArray("1"));
        QCOMPARE(metrics.counter(u"store.round_trips"_s).value() - before, 1u);
    }

    void survivesScriptFlush()
    {
        QCOMPARE(
            StoreFixture::await(m_fx->store().script(cappedCounter(), { "f", "f:h" }, { "10" }))
                .toDebugString(),
            QByteArray("[(integer) 1, (integer) 1]"));
        QCOMPARE(m_fx->run(RedisCommand::of("SCRIPT", "FLUSH")).toDebugString(), QByteArray("OK"));
        // The client believes the script is loaded; the server says NOSCRIPT; the store runs it
        // with EVAL.
        QCOMPARE(
            StoreFixture::await(m_fx->store().script(cappedCounter(), { "f", "f:h" }, { "10" }))
                .toDebugString(),
            QByteArray("[(integer) 1, (integer) 2]"));
        if (m_fx->isRedis())
            QVERIFY(m_fx->metrics().counter(u"store.command.eval"_s).value() >= 1);
        QCOMPARE(
            StoreFixture::await(m_fx->store().script(cappedCounter(), { "f", "f:h" }, { "10" }))
                .toDebugString(),
            QByteArray("[(integer) 1, (integer) 3]"));
    }

    void scriptErrorsAreReplies()
    {
        m_fx->run(RedisCommand::of("HSET", "wrong", "f", "v"));
        const RedisReply r = StoreFixture::await(
            m_fx->store().script(cappedCounter(), { "wrong", "w:h" }, { "3" }));
        QVERIFY(r.isError());
        QVERIFY(!r.isTransportError());
        QCOMPARE(r.errorCode(), QByteArray("WRONGTYPE"));
    }

    void scriptInsideTransaction()
    {
        const QList<RedisReply> r = StoreFixture::await(m_fx->store().transaction(
            { RedisCommand::of("SET", "tx", "a"),
              RedisCommand::evalSha(cappedCounter(), { "tc", "tc:h" }, { "5" }) }));
        QCOMPARE(RedisReply::array(r).toDebugString(),
                 QByteArray("[OK, [(integer) 1, (integer) 1]]"));
    }

    void memoryRefusesForeignLua()
    {
        if (m_fx->isRedis())
            QSKIP("Redis runs any Lua; only the memory store refuses scripts it has no twin for");
        const RedisReply r = m_fx->run(RedisCommand::of("EVAL", "return 1", 0));
        QVERIFY(r.isError());
        QVERIFY2(r.bytes().contains("cannot run arbitrary Lua"), r.bytes().constData());
    }
};

QTEST_GUILESS_MAIN(tst_StoreScripts)
#include "tst_storescripts.moc"
