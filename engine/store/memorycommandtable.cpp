#include "store/memorycommandtable.h"

#include "store/memoryargs.h"
#include "store/memoryhashcommands.h"
#include "store/memorykeycommands.h"
#include "store/memorylistcommands.h"
#include "store/memorysortedsetcommands.h"
#include "store/memorystreamcommands.h"
#include "store/memorystringcommands.h"

namespace m1 {

MemoryCommandTable::MemoryCommandTable()
{
    MemoryKeyCommands::registerInto(*this);
    MemoryStringCommands::registerInto(*this);
    MemoryHashCommands::registerInto(*this);
    MemoryListCommands::registerInto(*this);
    MemorySortedSetCommands::registerInto(*this);
    MemoryStreamCommands::registerInto(*this);
}

void MemoryCommandTable::add(const QByteArray &upperName, int arity, Handler handler)
{
    m_commands.insert(upperName, Spec { arity, handler });
}

RedisReply MemoryCommandTable::execute(MemoryKeyspace &keyspace, const QByteArrayList &argv) const
{
    if (argv.isEmpty())
        return RedisReply::error(QByteArrayLiteral("ERR empty command"));
    const auto it = m_commands.constFind(argv.first().toUpper());
    if (it == m_commands.cend())
        return RedisReply::error(
            "ERR unknown command '" + argv.first()
            + "': the memory store implements only the commands the engine uses");
    const qsizetype n = argv.size();
    if ((it->arity > 0 && n != it->arity) || (it->arity < 0 && n < -it->arity))
        return MemoryArgs::wrongArity(argv.first());
    return it->handler(keyspace, argv);
}

} // namespace m1
