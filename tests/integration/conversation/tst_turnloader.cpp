// A conversation turn against both stores: one round trip to load (dedup, rate limit, state,
// history), one to save; state restored exactly; silence expiry; duplicates and rate limits.

#include "conversation/conversationkeys.h"
#include "conversation/turnloader.h"
#include "conversation/turnstorebenchmark.h"
#include "store/countingstore.h"
#include "storesuite.h"

#include <QJsonDocument>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

const QString kPhone = u"+385 99 123 4567"_s;

} // namespace

class tst_TurnLoader : public StoreSuite
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        StoreSuite::init();
        if (m_fx)
            m_counting = std::make_unique<CountingStore>(m_fx->store());
    }
    void cleanup()
    {
        m_counting.reset();
        StoreSuite::cleanup();
    }

    void loadsAndSavesInOneRoundTripEach()
    {
        TurnLoader loader(*m_counting, ConversationConfig {}, m_fx->metrics());
        TurnLoad first = load(loader, u"wamid.1"_s);
        QCOMPARE(first.outcome, TurnLoad::Outcome::Proceed);
        QVERIFY(first.session.state().isBlank());
        QVERIFY(first.session.history().isEmpty());
        QCOMPARE(m_counting->roundTrips(), 1u);
        QCOMPARE(m_counting->commands(), 2u);

        ConversationSession &s = first.session;
        s.addUserMessage(u"rezerviraj auto za sutra"_s, u"wamid.1"_s);
        s.setLanguage(u"hr"_s);
        s.chooseTool(u"bookPoolVehicle"_s, { u"plate"_s, u"from"_s });
        s.fillParameter(u"from"_s, u"2024-05-01T08:00"_s, ParameterSource::Message);
        s.addBotMessage(u"Za koje vozilo?"_s);
        const ConversationState expected = s.state();
        m_counting->reset();
        const TurnSaveResult saved = StoreFixture::await(loader.save(s));
        QVERIFY2(saved.ok, qPrintable(saved.error));
        QCOMPARE(saved.commands, 2); // SET state, SET history — four changes, one write
        QCOMPARE(m_counting->roundTrips(), 1u);

        TurnLoad second = load(loader, u"wamid.2"_s);
        QCOMPARE(second.outcome, TurnLoad::Outcome::Proceed);
        QCOMPARE(second.session.state(), expected);
        QCOMPARE(second.session.history().messages().size(), 2);
        QCOMPARE(second.session.history().messages().at(1).text, u"Za koje vozilo?"_s);
        QVERIFY(second.warnings.isEmpty());

        const RedisReply stats
            = m_fx->run(RedisCommand::of("HGETALL", ConversationKeys::stats(kPhone)));
        QVERIFY2(stats.toDebugString().contains("\"turns\", \"2\""),
                 stats.toDebugString().constData());
    }

    void duplicatesAreDroppedAndNotCharged()
    {
        ConversationConfig config;
        config.rateLimit = { 2, 60'000 };
        TurnLoader loader(*m_counting, config, m_fx->metrics());
        const quint64 dropped
            = m_fx->metrics().counter(u"conversation.duplicates_dropped"_s).value();
        QCOMPARE(load(loader, u"a"_s).outcome, TurnLoad::Outcome::Proceed);
        QCOMPARE(load(loader, u"a"_s).outcome, TurnLoad::Outcome::Duplicate);
        QCOMPARE(load(loader, u"a"_s).outcome, TurnLoad::Outcome::Duplicate);
        QCOMPARE(load(loader, u"b"_s).outcome,
                 TurnLoad::Outcome::Proceed); // duplicates used no allowance
        QCOMPARE(load(loader, u"c"_s).outcome, TurnLoad::Outcome::RateLimited);
        QCOMPARE(load(loader, u"c"_s).outcome,
                 TurnLoad::Outcome::Duplicate); // a refused id is still seen
        QCOMPARE(m_fx->metrics().counter(u"conversation.duplicates_dropped"_s).value() - dropped,
                 3u);
        const RedisReply stats = m_fx->run(RedisCommand::of(
            "HMGET", ConversationKeys::stats(kPhone), "turns", "duplicates", "limited"));
        QCOMPARE(stats.toDebugString(), QByteArray(R"(["2", "3", "1"])"));
    }

    void rateLimitedTurnStillKnowsTheUser()
    {
        ConversationConfig config;
        config.rateLimit = { 1, 60'000 };
        TurnLoader loader(*m_counting, config, m_fx->metrics());
        TurnLoad first = load(loader, u"x1"_s);
        first.session.setLanguage(u"hr"_s);
        first.session.chooseTool(u"t"_s, { u"a"_s });
        StoreFixture::await(loader.save(first.session));
        const TurnLoad limited = load(loader, u"x2"_s);
        QCOMPARE(limited.outcome, TurnLoad::Outcome::RateLimited);
        QVERIFY(limited.rate.retryAfterMs > 0 && limited.rate.retryAfterMs <= 120'000);
        QCOMPARE(limited.session.state().language, u"hr"_s); // to say "slow down" in their language
    }

    void silenceEndsTheConversation()
    {
        ConversationConfig config;
        config.stateTtlMs = 300;
        TurnLoader loader(*m_counting, config, m_fx->metrics());
        TurnLoad first = load(loader, u"s1"_s);
        first.session.chooseTool(u"t"_s, { u"a"_s });
        first.session.addUserMessage(u"hello"_s);
        StoreFixture::await(loader.save(first.session));
        QCOMPARE(load(loader, u"s2"_s).session.state().phase,
                 ConversationPhase::CollectingParameters);
        m_fx->advance(400);
        for (int i = 0; i < 100
             && m_fx->run(RedisCommand::of("EXISTS", ConversationKeys::state(kPhone))).integer();
             ++i)
            m_fx->advance(20);
        const TurnLoad later = load(loader, u"s3"_s);
        QVERIFY(later.session.state().isBlank());
        QCOMPARE(later.session.history().messages().size(), 1); // history outlives the state
    }

    void finishingDeletesTheStateAndUnchangedKeepsItAlive()
    {
        TurnLoader loader(*m_counting, ConversationConfig {}, m_fx->metrics());
        TurnLoad t1 = load(loader, u"f1"_s);
        t1.session.chooseTool(u"t"_s, { u"a"_s });
        StoreFixture::await(loader.save(t1.session));

        TurnLoad t2 = load(loader, u"f2"_s);
        t2.session.addUserMessage(u"hm?"_s);
        const QList<RedisCommand> keepAlive = loader.saveCommands(t2.session);
        QCOMPARE(keepAlive.size(), 2);
        QCOMPARE(keepAlive.at(0).name(), QByteArray("PEXPIRE"));
        StoreFixture::await(loader.save(t2.session));

        TurnLoad t3 = load(loader, u"f3"_s);
        t3.session.finish();
        const QList<RedisCommand> done = loader.saveCommands(t3.session);
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.at(0).name(), QByteArray("DEL"));
        StoreFixture::await(loader.save(t3.session));
        QCOMPARE(m_fx->run(RedisCommand::of("EXISTS", ConversationKeys::state(kPhone))).integer(),
                 0);

        TurnLoad t4 = load(loader, u"f4"_s);
        QCOMPARE(StoreFixture::await(loader.save(t4.session)).commands,
                 0); // nothing changed: no round trip
    }

    void damagedRecordsAreDiscarded()
    {
        TurnLoader loader(*m_counting, ConversationConfig {}, m_fx->metrics());
        m_fx->run({ RedisCommand::of("SET", ConversationKeys::state(kPhone), "{not json"),
                    RedisCommand::of("SET", ConversationKeys::history(kPhone), R"({"r":"u"})") });
        const TurnLoad t = load(loader, u"d1"_s);
        QCOMPARE(t.outcome, TurnLoad::Outcome::Proceed);
        QCOMPARE(t.warnings.size(), 2);
        QVERIFY2(t.warnings.first().contains(u"…567"_s), qPrintable(t.warnings.first()));
        QVERIFY(
            !t.warnings.join(u' ').contains(u"1234567"_s)); // no full phone number in a log line
        QVERIFY(t.session.state().isBlank());
    }

    void wrongTypeIsAFailureNotACrash()
    {
        TurnLoader loader(*m_counting, ConversationConfig {}, m_fx->metrics());
        m_fx->run(RedisCommand::of("SET", ConversationKeys::stats(kPhone), "oops")); // not a hash
        const TurnLoad t = load(loader, u"w1"_s);
        QCOMPARE(t.outcome, TurnLoad::Outcome::Failed);
        QVERIFY2(t.error.contains(u"WRONGTYPE"_s), qPrintable(t.error));
        QVERIFY(t.session.state().isBlank());
    }

    void sameDeliveryAgainIsNotADuplicate()
    {
        // A worker died after loading entry 1-0 (the dedup mark holds that delivery): whoever
        // reclaims the same entry runs the turn; Meta delivering the message again as a new entry
        // (2-0), or without a delivery id, is still a duplicate.
        TurnLoader loader(*m_counting, ConversationConfig {}, m_fx->metrics());
        const TurnRequest request { kPhone, u"wamid.r"_s, m_fx->nowMs() };
        QCOMPARE(StoreFixture::await(loader.load(request, "1-0")).outcome, TurnLoad::Outcome::Proceed);
        QCOMPARE(StoreFixture::await(loader.load(request, "1-0")).outcome, TurnLoad::Outcome::Proceed);
        QCOMPARE(StoreFixture::await(loader.load(request, "2-0")).outcome, TurnLoad::Outcome::Duplicate);
        QCOMPARE(StoreFixture::await(loader.load(request)).outcome, TurnLoad::Outcome::Duplicate);
        // Without a delivery id the first load marks it too.
        const TurnRequest other { kPhone, u"wamid.s"_s, m_fx->nowMs() };
        QCOMPARE(StoreFixture::await(loader.load(other)).outcome, TurnLoad::Outcome::Proceed);
        QCOMPARE(StoreFixture::await(loader.load(other, "3-0")).outcome, TurnLoad::Outcome::Duplicate);
    }

    void saveCarriesTrailingCommandsInItsRoundTrip()
    {
        TurnLoader loader(*m_counting, ConversationConfig {}, m_fx->metrics());
        TurnLoad turn = load(loader, u"t1"_s);
        turn.session.addUserMessage(u"hello"_s, u"t1"_s);
        m_counting->reset();
        const TurnSaveResult saved = StoreFixture::await(
            loader.save(turn.session, { RedisCommand::of("SET", "m1:test:trailing", "1") }));
        QVERIFY2(saved.ok, qPrintable(saved.error));
        QCOMPARE(m_counting->roundTrips(), 1u);
        QCOMPARE(m_counting->commands(), 2u); // the history and the trailing command
        QCOMPARE(m_fx->run(RedisCommand::of("GET", "m1:test:trailing")).bytes(), "1"_ba);
        // A session with nothing to save still sends the trailing commands.
        const TurnSaveResult again = StoreFixture::await(
            loader.save(turn.session, { RedisCommand::of("DEL", "m1:test:trailing") }));
        QVERIFY(again.ok);
        QCOMPARE(m_counting->roundTrips(), 2u);
        QCOMPARE(m_fx->run(RedisCommand::of("EXISTS", "m1:test:trailing")).integer(), 0);
    }

    void benchmarkFigures()
    {
        // What `m1bot bench` reports for this store (figures printed for the record).
        SystemClock clock;
        const QJsonObject report
            = TurnStoreBenchmark(m_fx->store(), clock, m_fx->metrics()).run({ 2000, 50, 50 });
        QFETCH_GLOBAL(QString, backend);
        qInfo().noquote() << backend << QJsonDocument(report).toJson(QJsonDocument::Compact);
        QCOMPARE(report.value("errors"_L1).toInt(), 0);
        QCOMPARE(report.value("redis_round_trips_per_msg"_L1).toDouble(), 2.0);
        QCOMPARE(report.value("redis_commands_per_msg"_L1).toDouble(), 4.0);
    }

private:
    TurnLoad load(TurnLoader &loader, const QString &messageId)
    {
        return StoreFixture::await(loader.load({ kPhone, messageId, m_fx->nowMs() }));
    }

    std::unique_ptr<CountingStore> m_counting;
};

QTEST_GUILESS_MAIN(tst_TurnLoader)
#include "tst_turnloader.moc"
