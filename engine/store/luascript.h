#pragma once

// One of the engine's server-side scripts: the Lua that Redis runs (EVALSHA, loaded on first
// use) and a native C++ twin that the in-process store runs instead. The twin is written in
// terms of the same commands (ScriptContext::call is redis.call), and the store test suites
// run every script against both, so the two cannot drift apart unnoticed.

#include "store/redisreply.h"

#include <QByteArray>
#include <QByteArrayList>

#include <functional>

namespace m1 {

class ScriptContext;

class LuaScript
{
public:
    using Native = std::function<RedisReply(ScriptContext &context, const QByteArrayList &keys,
                                            const QByteArrayList &args)>;

    LuaScript(QByteArray name, QByteArray source, Native native);

    const QByteArray &name() const { return m_name; }
    const QByteArray &source() const { return m_source; }
    // Lower-case hex SHA-1 of the source, as Redis names scripts.
    const QByteArray &sha1() const { return m_sha1; }
    const Native &native() const { return m_native; }

    static QByteArray sha1Of(const QByteArray &source);

private:
    QByteArray m_name;
    QByteArray m_source;
    QByteArray m_sha1;
    Native m_native;
};

} // namespace m1
