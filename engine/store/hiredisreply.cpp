#include "store/hiredisreply.h"

#include <hiredis/hiredis.h>

namespace m1 {

RedisReply HiredisReply::convert(const redisReply *r)
{
    switch (r->type) {
    case REDIS_REPLY_STRING:
        return RedisReply::string(QByteArray(r->str, qsizetype(r->len)));
    case REDIS_REPLY_STATUS:
        return RedisReply::status(QByteArray(r->str, qsizetype(r->len)));
    case REDIS_REPLY_ERROR:
        return RedisReply::error(QByteArray(r->str, qsizetype(r->len)));
    case REDIS_REPLY_INTEGER:
        return RedisReply::integer(r->integer);
    case REDIS_REPLY_ARRAY: {
        QList<RedisReply> elements;
        elements.reserve(qsizetype(r->elements));
        for (size_t i = 0; i < r->elements; ++i)
            elements.append(convert(r->element[i]));
        return RedisReply::array(std::move(elements));
    }
    default:
        return RedisReply::nil();
    }
}

} // namespace m1
