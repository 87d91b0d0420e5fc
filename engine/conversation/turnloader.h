#pragma once

// Loads and saves a conversation turn with exactly one round trip each — the hot path.
//
//   load:  EVALSHA turn_gate (dedup + rate limit + per-user counters, atomic)
//          MGET m1:{phone}:state m1:{phone}:hist
//   save:  SET m1:{phone}:state <json> PX <silence>   (or DEL when back to blank; PEXPIRE when
//                                                        unchanged but still open)
//          SET m1:{phone}:hist <json> PX <retention>  (only when messages were added)
//
// All keys of one user share the {phone} hash tag: one Redis Cluster slot per turn.

#include "conversation/conversationconfig.h"
#include "conversation/turnload.h"
#include "conversation/turnrequest.h"
#include "conversation/turnsaveresult.h"
#include "store/rediscommand.h"
#include "store/redisreply.h"

#include <QFuture>

namespace m1 {

class Counter;
class KeyValueStore;
class MetricsRegistry;

class TurnLoader
{
public:
    TurnLoader(KeyValueStore &store, const ConversationConfig &config, MetricsRegistry &metrics);

    // `deliveryId` names this delivery of the message (the inbound stream entry id): the same
    // delivery loaded again — reclaimed after its worker died — is not a duplicate, while any
    // other repeat of the message id is. Empty: every repeat is a duplicate.
    QFuture<TurnLoad> load(const TurnRequest &request, const QByteArray &deliveryId = {});
    // Writes what the session changed and marks it saved. A session with no changes costs nothing.
    // `trailing` commands ride in the same round trip after the save (the worker pool's XACK),
    // and a failure among them fails the result too.
    QFuture<TurnSaveResult> save(ConversationSession &session,
                                 const QList<RedisCommand> &trailing = {});

    // The pieces, for tests and for callers that fold the turn into a larger pipeline.
    QList<RedisCommand> loadCommands(const TurnRequest &request,
                                     const QByteArray &deliveryId = {}) const;
    TurnLoad parseLoad(const TurnRequest &request, const QList<RedisReply> &replies);
    QList<RedisCommand> saveCommands(const ConversationSession &session) const;

    const ConversationConfig &config() const { return m_config; }

private:
    KeyValueStore &m_store;
    const ConversationConfig m_config;
    Counter &m_turns;
    Counter &m_duplicates;
    Counter &m_limited;
    Counter &m_expired;
    Counter &m_corrupt;
    Counter &m_failed;
    Counter &m_saves;
    Counter &m_coalesced;
};

} // namespace m1
