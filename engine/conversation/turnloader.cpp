#include "conversation/turnloader.h"

#include "conversation/conversationkeys.h"
#include "conversation/conversationscripts.h"
#include "conversation/redisratelimiter.h"
#include "conversation/slidingwindow.h"
#include "core/logcategories.h"
#include "core/metricsregistry.h"
#include "store/keyvaluestore.h"

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

constexpr qint64 kDuplicate = -1;
constexpr qint64 kLimited = 0;

} // namespace

TurnLoader::TurnLoader(KeyValueStore &store, const ConversationConfig &config,
                       MetricsRegistry &metrics)
    : m_store(store)
    , m_config(config)
    , m_turns(metrics.counter(u"conversation.turns"_s, u"Turns loaded and let through"_s))
    , m_duplicates(metrics.counter(u"conversation.duplicates_dropped"_s,
                                   u"Messages dropped because their id was seen before"_s))
    , m_limited(metrics.counter(u"conversation.rate_limited"_s,
                                u"Messages refused by the rate limiter"_s))
    , m_expired(metrics.counter(u"conversation.states_expired"_s,
                                u"Conversations restarted after silence"_s))
    , m_corrupt(metrics.counter(u"conversation.unreadable_records"_s,
                                u"Stored states or histories discarded"_s))
    , m_failed(
          metrics.counter(u"conversation.load_failures"_s, u"Turns whose load the store failed"_s))
    , m_saves(metrics.counter(u"conversation.saves"_s, u"Turn saves (one round trip each)"_s))
    , m_coalesced(
          metrics.counter(u"conversation.changes_coalesced"_s,
                          u"State changes folded into another change's save (write-behind)"_s))
{
}

QList<RedisCommand> TurnLoader::loadCommands(const TurnRequest &request,
                                             const QByteArray &deliveryId) const
{
    const QString phone = ConversationKeys::normalizePhone(request.phone);
    if (phone.isEmpty())
        return {};
    const RateLimitPolicy &rate = m_config.rateLimit;
    const qint64 window = SlidingWindow::windowIndex(request.nowMs, rate.windowMs);
    const bool dedup = !request.messageId.isEmpty();
    return {
        RedisCommand::evalSha(
            ConversationScripts::turnGate(),
            { ConversationKeys::dedup(phone, dedup ? request.messageId : u"-"_s),
              ConversationKeys::rateWindow(phone, window),
              ConversationKeys::rateWindow(phone, window - 1), ConversationKeys::stats(phone) },
            { QByteArray::number(dedup ? m_config.dedupTtlMs : 0), QByteArray::number(rate.limit),
              QByteArray::number(rate.windowMs), QByteArray::number(request.nowMs), "1",
              QByteArray::number(m_config.statsTtlMs), deliveryId }),
        RedisCommand::of("MGET", ConversationKeys::state(phone), ConversationKeys::history(phone)),
    };
}

QFuture<TurnLoad> TurnLoader::load(const TurnRequest &request, const QByteArray &deliveryId)
{
    const QList<RedisCommand> commands = loadCommands(request, deliveryId);
    if (commands.isEmpty())
        return QtFuture::makeReadyFuture(parseLoad(request, {}));
    return m_store.pipelineThen(
        commands, [this, request](const QList<RedisReply> &replies) { return parseLoad(request, replies); });
}

TurnLoad TurnLoader::parseLoad(const TurnRequest &request, const QList<RedisReply> &replies)
{
    TurnLoad load;
    const QString phone = ConversationKeys::normalizePhone(request.phone);
    const QString who = ConversationKeys::redact(phone);
    ConversationHistory history(m_config.historySize);
    load.session = ConversationSession(phone, ConversationState {}, history, false, request.nowMs);
    if (phone.isEmpty()) {
        load.error = u"the sender '"_s + request.phone + u"' has no digits: not a phone number"_s;
        m_failed.add();
        return load;
    }
    if (replies.size() != 2 || replies.at(0).isError()) {
        const RedisReply failure
            = replies.isEmpty() ? RedisReply::transportError(u"no reply"_s) : replies.at(0);
        load.error = u"cannot load the conversation of "_s + who + u": "_s + failure.errorMessage();
        m_failed.add();
        qCWarning(lcConversation).noquote() << load.error;
        return load;
    }
    load.rate = RedisRateLimiter::parse(replies.at(0));
    const qint64 verdict = replies.at(0).elements().value(0).integer();
    if (verdict == kDuplicate) {
        load.outcome = TurnLoad::Outcome::Duplicate;
        m_duplicates.add();
        qCDebug(lcConversation).noquote() << "duplicate message from" << who << "dropped";
        return load;
    }

    ConversationState state;
    bool stored = false;
    const QList<RedisReply> &values = replies.at(1).elements();
    if (const auto blob = values.value(0).toOptionalBytes()) {
        stored = true;
        QString error;
        if (auto parsed = ConversationState::fromJson(*blob, &error)) {
            state = *parsed;
        } else {
            load.warnings.append(u"stored state of "_s + who + u" discarded: "_s + error);
            m_corrupt.add();
        }
        // Redis' TTL normally removes it; this covers a silence timeout lowered since it was
        // written.
        if (!state.isBlank() && request.nowMs - state.updatedAtMs > m_config.stateTtlMs) {
            const QString language = state.language;
            state = ConversationState {};
            state.language = language;
            load.stateExpired = true;
            m_expired.add();
        }
    }
    if (const auto blob = values.value(1).toOptionalBytes()) {
        QString error;
        if (auto parsed = ConversationHistory::fromJson(*blob, m_config.historySize, &error)) {
            history = *parsed;
        } else {
            load.warnings.append(u"stored history of "_s + who + u" discarded: "_s + error);
            m_corrupt.add();
        }
    }
    for (const QString &warning : std::as_const(load.warnings))
        qCWarning(lcConversation).noquote() << warning;
    load.session = ConversationSession(phone, state, history, stored, request.nowMs);
    if (verdict == kLimited) {
        load.outcome = TurnLoad::Outcome::RateLimited;
        m_limited.add();
        qCInfo(lcConversation).noquote()
            << "rate limit reached for" << who << "- retry after" << load.rate.retryAfterMs << "ms";
        return load;
    }
    load.outcome = TurnLoad::Outcome::Proceed;
    m_turns.add();
    return load;
}

QList<RedisCommand> TurnLoader::saveCommands(const ConversationSession &session) const
{
    QList<RedisCommand> commands;
    const QString &phone = session.phone();
    if (phone.isEmpty())
        return commands;
    const ConversationState &state = session.state();
    if (session.isStateDirty()) {
        if (!state.isBlank())
            commands.append(RedisCommand::of("SET", ConversationKeys::state(phone), state.toJson(),
                                             "PX", m_config.stateTtlMs));
        else if (session.hadStoredState())
            commands.append(RedisCommand::of("DEL", ConversationKeys::state(phone)));
    } else if (!state.isBlank() && session.hadStoredState()) {
        // Unchanged but still open: the user spoke, so the silence starts again.
        commands.append(
            RedisCommand::of("PEXPIRE", ConversationKeys::state(phone), m_config.stateTtlMs));
    }
    if (session.hasNewMessages())
        commands.append(RedisCommand::of("SET", ConversationKeys::history(phone),
                                         session.history().toJson(), "PX", m_config.historyTtlMs));
    return commands;
}

QFuture<TurnSaveResult> TurnLoader::save(ConversationSession &session,
                                         const QList<RedisCommand> &trailing)
{
    QList<RedisCommand> commands = saveCommands(session);
    if (session.pendingChanges() > 1)
        m_coalesced.add(quint64(session.pendingChanges() - 1));
    session.markSaved();
    if (!commands.isEmpty())
        m_saves.add();
    commands.append(trailing);
    if (commands.isEmpty())
        return QtFuture::makeReadyFuture(TurnSaveResult { true, 0, {} });
    const QString who = ConversationKeys::redact(session.phone());
    const int count = int(commands.size());
    return m_store.pipelineThen(commands, [who, count](const QList<RedisReply> &replies) {
        TurnSaveResult result { true, count, {} };
        for (const RedisReply &reply : replies) {
            if (reply.isError()) {
                result.ok = false;
                result.transport = reply.isTransportError();
                result.error
                    = u"cannot save the conversation of "_s + who + u": "_s + reply.errorMessage();
                qCWarning(lcConversation).noquote() << result.error;
                break;
            }
        }
        return result;
    });
}

} // namespace m1
