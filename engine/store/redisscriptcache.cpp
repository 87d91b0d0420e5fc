#include "store/redisscriptcache.h"

namespace m1 {

QList<RedisCommand> RedisScriptCache::loadsFor(const QList<RedisCommand> &commands)
{
    QList<RedisCommand> loads;
    for (const RedisCommand &command : commands) {
        const auto &script = command.script();
        if (script && !m_loaded.contains(script->sha1())) {
            m_loaded.insert(script->sha1());
            loads.append(RedisCommand::of("SCRIPT", "LOAD", script->source()));
        }
    }
    return loads;
}

void RedisScriptCache::loadFailed(const RedisCommand &load)
{
    m_loaded.remove(LuaScript::sha1Of(load.argv().value(2)));
}

QList<qsizetype> RedisScriptCache::missing(const QList<RedisCommand> &commands,
                                           const QList<RedisReply> &replies)
{
    QList<qsizetype> indexes;
    for (qsizetype i = 0; i < replies.size() && i < commands.size(); ++i) {
        if (replies.at(i).errorCode() == "NOSCRIPT" && commands.at(i).script())
            indexes.append(i);
    }
    return indexes;
}

RedisCommand RedisScriptCache::asEval(const RedisCommand &evalSha)
{
    QByteArrayList argv = evalSha.argv();
    argv[0] = QByteArrayLiteral("EVAL");
    argv[1] = evalSha.script()->source();
    m_loaded.insert(evalSha.script()->sha1());
    return RedisCommand(argv);
}

} // namespace m1
