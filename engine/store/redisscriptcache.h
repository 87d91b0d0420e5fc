#pragma once

// Which of the engine's scripts one connection has loaded, so a batch that uses a script the
// server may not know carries its SCRIPT LOAD in the same round trip, and a NOSCRIPT (the server
// restarted, failed over or ran SCRIPT FLUSH) is answered by running the script with EVAL.

#include "store/rediscommand.h"
#include "store/redisreply.h"

#include <QSet>

namespace m1 {

class RedisScriptCache
{
public:
    void clear() { m_loaded.clear(); }
    // SCRIPT LOAD commands for the scripts `commands` use that are not loaded yet (and from now
    // on counted as loaded: Redis runs them before the EVALSHA that follows).
    QList<RedisCommand> loadsFor(const QList<RedisCommand> &commands);
    // A SCRIPT LOAD of ours failed: load it again next time.
    void loadFailed(const RedisCommand &load);
    // Where a script command was answered NOSCRIPT.
    static QList<qsizetype> missing(const QList<RedisCommand> &commands,
                                    const QList<RedisReply> &replies);
    // The same call as EVAL with the source (which also caches the script again).
    RedisCommand asEval(const RedisCommand &evalSha);

private:
    QSet<QByteArray> m_loaded;
};

} // namespace m1
