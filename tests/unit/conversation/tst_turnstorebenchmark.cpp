// The benchmark `m1bot bench` reports from: on the memory store it must count exactly the
// round trips and commands the turn path is designed for, and leave no keys behind.

#include "conversation/turnstorebenchmark.h"
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "store/memorystore.h"

#include <QJsonDocument>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_TurnStoreBenchmark : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsOneRoundTripEachWay()
    {
        SystemClock clock;
        MetricsRegistry metrics(clock);
        MemoryStore store(clock, metrics);
        TurnStoreBenchmark bench(store, clock, metrics);
        const QJsonObject report = bench.run({ 300, 10, 10 });
        qInfo().noquote() << QJsonDocument(report).toJson(QJsonDocument::Compact);
        QCOMPARE(report.value("errors"_L1).toInt(), 0);
        QCOMPARE(report.value("turns"_L1).toInt(), 300);
        QCOMPARE(report.value("redis_round_trips_per_msg"_L1).toDouble(), 2.0);
        // load: EVALSHA + MGET; save: SET state (or DEL when a request finishes) + SET history.
        QCOMPARE(report.value("redis_commands_per_msg"_L1).toDouble(), 4.0);
        for (const char *field :
             { "turns_per_s", "load_p50_us", "load_p99_us", "save_p50_us", "save_p99_us" })
            QVERIFY2(report.contains(QLatin1StringView(field)), field);
        QVERIFY(report.value("load_p99_us"_L1).toDouble()
                >= report.value("load_p50_us"_L1).toDouble());
        // Only dedup and rate-limit keys remain, and they expire.
        const QList<RedisReply> left = store.pipeline({ RedisCommand::of("DBSIZE") }).result();
        QVERIFY(left.value(0).integer() > 0);
        QCOMPARE(store
                     .pipeline({ RedisCommand::of("EXISTS", "m1:{000991000000}:state",
                                                  "m1:{000991000000}:hist") })
                     .result()
                     .value(0)
                     .integer(),
                 0);
    }

    void storeFailureIsReported()
    {
        SystemClock clock;
        MetricsRegistry metrics(clock);
        // A store that always fails: the benchmark stops early and says why.
        class DownStore final : public KeyValueStore
        {
        public:
            QFuture<QList<RedisReply>> pipeline(const QList<RedisCommand> &commands) override
            {
                return QtFuture::makeReadyFuture(QList<RedisReply>(
                    commands.size(), RedisReply::transportError(u"redis is down"_s)));
            }
            QString description() const override { return u"down"_s; }
            bool isConnected() const override { return false; }
        } down;
        const QJsonObject report = TurnStoreBenchmark(down, clock, metrics).run({ 100, 5, 5 });
        QVERIFY(report.value("errors"_L1).toInt() > 0);
        QVERIFY2(report.value("first_error"_L1).toString().contains(u"redis is down"_s),
                 qPrintable(report.value("first_error"_L1).toString()));
        QCOMPARE(report.value("turns"_L1).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_TurnStoreBenchmark)
#include "tst_turnstorebenchmark.moc"
