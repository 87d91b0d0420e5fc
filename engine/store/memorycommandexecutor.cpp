#include "store/memorycommandexecutor.h"

#include "store/memoryargs.h"
#include "store/scriptcontext.h"

namespace m1 {

namespace {

// redis.call() for native scripts: the plain commands, nothing that nests or blocks.
class TableScriptContext final : public ScriptContext
{
public:
    TableScriptContext(MemoryKeyspace &keyspace, const MemoryCommandTable &table)
        : m_keyspace(keyspace)
        , m_table(table)
    {
    }
    RedisReply call(const QByteArrayList &argv) override
    {
        return m_table.execute(m_keyspace, argv);
    }

private:
    MemoryKeyspace &m_keyspace;
    const MemoryCommandTable &m_table;
};

RedisReply cannotRunLua(const QByteArray &sha1)
{
    return RedisReply::error(
        "ERR the memory store cannot run arbitrary Lua, only the engine's own scripts "
        "(unknown script "
        + sha1 + "); use a Redis store for other scripts");
}

} // namespace

void MemoryCommandExecutor::registerScript(const std::shared_ptr<const LuaScript> &script)
{
    if (script && script->native())
        m_scripts.insert(script->sha1(), script);
}

RedisReply MemoryCommandExecutor::execute(const RedisCommand &command, Session &session)
{
    const QByteArrayList &argv = command.argv();
    const QByteArray name = argv.isEmpty() ? QByteArray() : argv.first().toUpper();
    if (name == "MULTI") {
        if (session.inMulti)
            return RedisReply::error(QByteArrayLiteral("ERR MULTI calls can not be nested"));
        session = Session { true, false, {} };
        return RedisReply::ok();
    }
    if (name == "EXEC")
        return exec(session);
    if (name == "DISCARD") {
        if (!session.inMulti)
            return RedisReply::error(QByteArrayLiteral("ERR DISCARD without MULTI"));
        session = Session {};
        return RedisReply::ok();
    }
    if (session.inMulti) {
        const RedisReply invalid = validate(argv);
        if (invalid.isError()) {
            session.multiFailed = true;
            return invalid;
        }
        session.queued.append(command);
        return RedisReply::status(QByteArrayLiteral("QUEUED"));
    }
    return executeNow(command);
}

RedisReply MemoryCommandExecutor::exec(Session &session)
{
    if (!session.inMulti)
        return RedisReply::error(QByteArrayLiteral("ERR EXEC without MULTI"));
    const Session done = std::exchange(session, Session {});
    if (done.multiFailed)
        return RedisReply::error(
            QByteArrayLiteral("EXECABORT Transaction discarded because of previous errors."));
    QList<RedisReply> replies;
    replies.reserve(done.queued.size());
    for (const RedisCommand &queued : done.queued)
        replies.append(executeNow(queued));
    return RedisReply::array(std::move(replies));
}

RedisReply MemoryCommandExecutor::validate(const QByteArrayList &argv) const
{
    if (argv.isEmpty())
        return RedisReply::error(QByteArrayLiteral("ERR empty command"));
    const QByteArray name = argv.first().toUpper();
    if (name == "EVALSHA" || name == "EVAL" || name == "SCRIPT")
        return argv.size() >= 2 ? RedisReply::ok() : MemoryArgs::wrongArity(argv.first());
    if (!m_table.contains(name))
        return RedisReply::error(
            "ERR unknown command '" + argv.first()
            + "': the memory store implements only the commands the engine uses");
    return RedisReply::ok();
}

RedisReply MemoryCommandExecutor::executeNow(const RedisCommand &command)
{
    const QByteArrayList &argv = command.argv();
    const QByteArray name = argv.isEmpty() ? QByteArray() : argv.first().toUpper();
    if (name == "EVALSHA") {
        registerScript(command.script());
        return argv.size() < 3 ? MemoryArgs::wrongArity(argv.first())
                               : runScript(argv.at(1).toLower(), argv);
    }
    if (name == "EVAL")
        return argv.size() < 3 ? MemoryArgs::wrongArity(argv.first())
                               : runScript(LuaScript::sha1Of(argv.at(1)), argv);
    if (name == "SCRIPT")
        return script(argv);
    return m_table.execute(m_keyspace, argv);
}

RedisReply MemoryCommandExecutor::runScript(const QByteArray &sha1, const QByteArrayList &argv)
{
    const auto it = m_scripts.constFind(sha1);
    if (it == m_scripts.cend()) {
        if (argv.first().toUpper() == "EVAL")
            return cannotRunLua(sha1);
        return RedisReply::error(
            QByteArrayLiteral("NOSCRIPT No matching script. Please use EVAL."));
    }
    const auto numKeys = MemoryArgs::integer(argv.at(2));
    if (!numKeys)
        return MemoryArgs::notInteger();
    if (*numKeys < 0)
        return RedisReply::error(QByteArrayLiteral("ERR Number of keys can't be negative"));
    if (*numKeys > argv.size() - 3)
        return RedisReply::error(
            QByteArrayLiteral("ERR Number of keys can't be greater than number of args"));
    const QByteArrayList keys = argv.mid(3, *numKeys);
    const QByteArrayList args = argv.mid(3 + *numKeys);
    TableScriptContext context(m_keyspace, m_table);
    return (*it)->native()(context, keys, args);
}

RedisReply MemoryCommandExecutor::script(const QByteArrayList &argv)
{
    const QByteArray sub = argv.value(1).toUpper();
    if (sub == "LOAD" && argv.size() == 3) {
        const QByteArray sha1 = LuaScript::sha1Of(argv.at(2));
        return m_scripts.contains(sha1) ? RedisReply::string(sha1) : cannotRunLua(sha1);
    }
    if (sub == "EXISTS" && argv.size() >= 3) {
        QList<RedisReply> out;
        for (qsizetype i = 2; i < argv.size(); ++i)
            out.append(RedisReply::integer(m_scripts.contains(argv.at(i).toLower()) ? 1 : 0));
        return RedisReply::array(std::move(out));
    }
    if (sub == "FLUSH") {
        m_scripts.clear();
        return RedisReply::ok();
    }
    return RedisReply::error("ERR unknown subcommand or wrong number of arguments for 'SCRIPT "
                             + sub + "'");
}

} // namespace m1
