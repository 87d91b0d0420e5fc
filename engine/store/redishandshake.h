#pragma once

// What a new connection says before it carries the engine's commands (AUTH, SELECT, CLIENT
// SETNAME, PING — PING also catches a server still loading its data), and how to read the answer.

#include "store/rediscommand.h"
#include "store/redisreply.h"
#include "store/storeurl.h"

#include <optional>

namespace m1 {

class RedisHandshake
{
public:
    static QList<RedisCommand> commands(const StoreUrl &url, const QByteArray &clientName);
    // nullopt: the server accepted. Otherwise why it refused, for a person to act on.
    static std::optional<QString> refusal(const QList<RedisReply> &replies);
};

} // namespace m1
