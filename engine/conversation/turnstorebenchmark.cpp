#include "conversation/turnstorebenchmark.h"

#include "conversation/conversationkeys.h"
#include "conversation/turnloader.h"
#include "core/clock.h"
#include "store/countingstore.h"

#include <QStringList>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

double percentileUs(std::vector<qint64> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const size_t rank
        = size_t(std::clamp(p / 100.0 * double(samples.size()), 1.0, double(samples.size())));
    return double(samples[rank - 1]) / 1000.0;
}

// One step of a typical write request: ask for the vehicle, confirm, execute.
void playStep(ConversationSession &session, int turn)
{
    session.addUserMessage(u"benchmark message "_s + QString::number(turn),
                           u"m"_s + QString::number(turn));
    switch (session.state().phase) {
    case ConversationPhase::Idle:
        session.setLanguage(u"hr"_s);
        session.chooseTool(u"bookPoolVehicle"_s, { u"plate"_s, u"from"_s });
        session.fillParameter(u"from"_s, u"2024-05-01T08:00"_s, ParameterSource::Message);
        session.addBotMessage(u"Za koje vozilo?"_s);
        break;
    case ConversationPhase::CollectingParameters:
        session.fillParameter(u"plate"_s, u"ZG-1234-AB"_s, ParameterSource::UserAnswer);
        session.requestConfirmation(u"Rezervirati ZG-1234-AB od 8 sati?"_s);
        session.addBotMessage(u"Rezervirati ZG-1234-AB od 8 sati?"_s);
        break;
    default:
        session.startExecuting();
        session.finish();
        session.addBotMessage(u"Rezervirano."_s);
        break;
    }
}

} // namespace

TurnStoreBenchmark::TurnStoreBenchmark(KeyValueStore &store, const Clock &clock,
                                       MetricsRegistry &metrics)
    : m_store(store)
    , m_clock(clock)
    , m_metrics(metrics)
{
}

QJsonObject TurnStoreBenchmark::run(const Options &options)
{
    CountingStore counting(m_store);
    ConversationConfig config;
    config.rateLimit.limit = 1'000'000'000; // measure the path, not the limiter's refusals
    config.dedupTtlMs = 60'000;
    TurnLoader loader(counting, config, m_metrics);

    const int users = std::max(1, options.users);
    QStringList phones;
    for (int u = 0; u < users; ++u)
        phones.append(u"00099"_s + QString::number(1'000'000 + u));
    const QString runId = QString::number(m_clock.nowMs());

    std::vector<qint64> loads, saves;
    loads.reserve(size_t(std::max(0, options.turns)));
    saves.reserve(loads.capacity());
    int errors = 0;
    QString firstError;
    qint64 measuredNs = 0;
    const int total = std::max(0, options.warmupTurns) + std::max(0, options.turns);
    for (int i = 0; i < total; ++i) {
        const bool measured = i >= options.warmupTurns;
        if (i == options.warmupTurns)
            counting.reset();
        const TurnRequest request { phones.at(i % users), runId + u'-' + QString::number(i),
                                    m_clock.nowMs() };
        const qint64 t0 = m_clock.monotonicNs();
        TurnLoad load = loader.load(request).result();
        const qint64 t1 = m_clock.monotonicNs();
        if (load.outcome != TurnLoad::Outcome::Proceed) {
            ++errors;
            if (firstError.isEmpty())
                firstError = load.error.isEmpty() ? u"turn not let through"_s : load.error;
            if (load.outcome == TurnLoad::Outcome::Failed && i < options.warmupTurns)
                break; // the store is not there: do not hammer it
            continue;
        }
        playStep(load.session, i);
        const qint64 t2 = m_clock.monotonicNs();
        const TurnSaveResult saved = loader.save(load.session).result();
        const qint64 t3 = m_clock.monotonicNs();
        if (!saved.ok) {
            ++errors;
            if (firstError.isEmpty())
                firstError = saved.error;
        }
        if (measured) {
            loads.push_back(t1 - t0);
            saves.push_back(t3 - t2);
            measuredNs += (t1 - t0) + (t3 - t2) + (t2 - t1);
        }
    }

    // Leave nothing behind in a store that outlives the benchmark.
    QList<RedisCommand> cleanup;
    for (const QString &phone : std::as_const(phones))
        cleanup.append(RedisCommand::of("DEL", ConversationKeys::state(phone),
                                        ConversationKeys::history(phone),
                                        ConversationKeys::stats(phone)));
    m_store.pipeline(cleanup).waitForFinished();

    const double turns = double(loads.size());
    QJsonObject report;
    report.insert("store"_L1, m_store.description());
    report.insert("turns"_L1, int(loads.size()));
    report.insert("users"_L1, users);
    report.insert("errors"_L1, errors);
    if (!firstError.isEmpty())
        report.insert("first_error"_L1, firstError);
    report.insert("redis_commands_per_msg"_L1,
                  turns > 0 ? double(counting.commands()) / turns : 0.0);
    report.insert("redis_round_trips_per_msg"_L1,
                  turns > 0 ? double(counting.roundTrips()) / turns : 0.0);
    report.insert("turns_per_s"_L1, measuredNs > 0 ? turns / (double(measuredNs) / 1e9) : 0.0);
    report.insert("load_p50_us"_L1, percentileUs(loads, 50));
    report.insert("load_p99_us"_L1, percentileUs(loads, 99));
    report.insert("save_p50_us"_L1, percentileUs(saves, 50));
    report.insert("save_p99_us"_L1, percentileUs(saves, 99));
    return report;
}

} // namespace m1
