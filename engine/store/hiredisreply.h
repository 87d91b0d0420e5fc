#pragma once

// hiredis' reply tree → RedisReply (a deep copy: hiredis frees its reply after the callback).

#include "store/redisreply.h"

struct redisReply;

namespace m1 {

class HiredisReply
{
public:
    static RedisReply convert(const redisReply *reply);
};

} // namespace m1
