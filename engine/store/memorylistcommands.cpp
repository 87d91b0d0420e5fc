#include "store/memorylistcommands.h"

#include "store/memoryargs.h"
#include "store/memorycommandtable.h"

namespace m1 {

namespace {

using List = MemoryKeyspace::List;

// Redis' index rules: negative counts from the end, the range is clamped, start > end → empty.
bool clampRange(qint64 size, qint64 start, qint64 stop, qint64 *from, qint64 *to)
{
    if (start < 0)
        start = std::max<qint64>(0, size + start);
    if (stop < 0)
        stop = size + stop;
    stop = std::min(stop, size - 1);
    if (start > stop || start >= size)
        return false;
    *from = start;
    *to = stop;
    return true;
}

RedisReply push(MemoryKeyspace &ks, const QByteArrayList &argv, bool front)
{
    RedisReply error;
    List *list = ks.getOrCreate<List>(argv.at(1), &error);
    if (!list)
        return error;
    for (qsizetype i = 2; i < argv.size(); ++i) {
        if (front)
            list->prepend(argv.at(i));
        else
            list->append(argv.at(i));
    }
    return RedisReply::integer(list->size());
}

RedisReply lpush(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return push(ks, argv, true);
}

RedisReply rpush(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return push(ks, argv, false);
}

RedisReply lrange(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    const auto start = MemoryArgs::integer(argv.at(2));
    const auto stop = MemoryArgs::integer(argv.at(3));
    if (!start || !stop)
        return MemoryArgs::notInteger();
    RedisReply error;
    const List *list = ks.get<List>(argv.at(1), &error);
    if (error.isError())
        return error;
    QList<RedisReply> out;
    qint64 from = 0, to = -1;
    if (list && clampRange(list->size(), *start, *stop, &from, &to)) {
        out.reserve(to - from + 1);
        for (qint64 i = from; i <= to; ++i)
            out.append(RedisReply::string(list->at(i)));
    }
    return RedisReply::array(std::move(out));
}

RedisReply ltrim(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    const auto start = MemoryArgs::integer(argv.at(2));
    const auto stop = MemoryArgs::integer(argv.at(3));
    if (!start || !stop)
        return MemoryArgs::notInteger();
    RedisReply error;
    List *list = ks.get<List>(argv.at(1), &error);
    if (!list)
        return error.isError() ? error : RedisReply::ok();
    qint64 from = 0, to = -1;
    if (clampRange(list->size(), *start, *stop, &from, &to))
        *list = list->mid(from, to - from + 1);
    else
        list->clear();
    ks.removeIfEmpty(argv.at(1));
    return RedisReply::ok();
}

RedisReply llen(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    const List *list = ks.get<List>(argv.at(1), &error);
    if (error.isError())
        return error;
    return RedisReply::integer(list ? list->size() : 0);
}

RedisReply pop(MemoryKeyspace &ks, const QByteArrayList &argv, bool front)
{
    if (argv.size() > 3)
        return MemoryArgs::wrongArity(argv.first());
    std::optional<qint64> count;
    if (argv.size() == 3) {
        count = MemoryArgs::integer(argv.at(2));
        if (!count || *count < 0)
            return RedisReply::error(
                QByteArrayLiteral("ERR value is out of range, must be positive"));
    }
    RedisReply error;
    List *list = ks.get<List>(argv.at(1), &error);
    if (!list)
        return error.isError() ? error : RedisReply::nil();
    QList<RedisReply> popped;
    const qint64 n = std::min<qint64>(count.value_or(1), list->size());
    for (qint64 i = 0; i < n; ++i)
        popped.append(RedisReply::string(front ? list->takeFirst() : list->takeLast()));
    ks.removeIfEmpty(argv.at(1));
    if (!count)
        return popped.first();
    return RedisReply::array(std::move(popped));
}

RedisReply lpop(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return pop(ks, argv, true);
}

RedisReply rpop(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return pop(ks, argv, false);
}

RedisReply lindex(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    auto index = MemoryArgs::integer(argv.at(2));
    if (!index)
        return MemoryArgs::notInteger();
    RedisReply error;
    const List *list = ks.get<List>(argv.at(1), &error);
    if (!list)
        return error.isError() ? error : RedisReply::nil();
    qint64 i = *index < 0 ? list->size() + *index : *index;
    if (i < 0 || i >= list->size())
        return RedisReply::nil();
    return RedisReply::string(list->at(i));
}

} // namespace

void MemoryListCommands::registerInto(MemoryCommandTable &table)
{
    table.add("LPUSH", -3, lpush);
    table.add("RPUSH", -3, rpush);
    table.add("LRANGE", 4, lrange);
    table.add("LTRIM", 4, ltrim);
    table.add("LLEN", 2, llen);
    table.add("LPOP", -2, lpop);
    table.add("RPOP", -2, rpop);
    table.add("LINDEX", 3, lindex);
}

} // namespace m1
