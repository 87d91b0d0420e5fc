#include "store/redishandshake.h"

using namespace Qt::StringLiterals;

namespace m1 {

QList<RedisCommand> RedisHandshake::commands(const StoreUrl &url, const QByteArray &clientName)
{
    QList<RedisCommand> commands;
    if (!url.password.isEmpty()) {
        commands.append(url.username.isEmpty()
                            ? RedisCommand::of("AUTH", url.password)
                            : RedisCommand::of("AUTH", url.username, url.password));
    }
    if (url.db != 0)
        commands.append(RedisCommand::of("SELECT", url.db));
    if (!clientName.isEmpty())
        commands.append(RedisCommand::of("CLIENT", "SETNAME", clientName));
    commands.append(RedisCommand::of("PING"));
    return commands;
}

std::optional<QString> RedisHandshake::refusal(const QList<RedisReply> &replies)
{
    for (const RedisReply &reply : replies) {
        if (!reply.isError())
            continue;
        if (reply.isTransportError())
            return reply.errorMessage();
        const bool auth = reply.errorCode() == "WRONGPASS" || reply.errorCode() == "NOAUTH";
        return (auth ? u"authentication failed: "_s : u"the server refused the connection: "_s)
            + reply.errorMessage();
    }
    return std::nullopt;
}

} // namespace m1
