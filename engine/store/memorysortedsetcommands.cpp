#include "store/memorysortedsetcommands.h"

#include "store/memoryargs.h"
#include "store/memorycommandtable.h"

#include <QLocale>

#include <cmath>

namespace m1 {

namespace {

using SortedSet = MemoryKeyspace::SortedSet;

QByteArray formatScore(double score)
{
    if (std::isinf(score))
        return score > 0 ? QByteArrayLiteral("inf") : QByteArrayLiteral("-inf");
    return QByteArray::number(score, 'g', QLocale::FloatingPointShortest);
}

struct ScoreBound
{
    double value = 0;
    bool exclusive = false;

    bool admitsFromBelow(double s) const { return exclusive ? s > value : s >= value; }
    bool admitsFromAbove(double s) const { return exclusive ? s < value : s <= value; }
};

std::optional<ScoreBound> parseBound(const QByteArray &text)
{
    ScoreBound bound;
    QByteArray number = text;
    if (number.startsWith('(')) {
        bound.exclusive = true;
        number = number.mid(1);
    }
    const auto v = MemoryArgs::number(number);
    if (!v)
        return std::nullopt;
    bound.value = *v;
    return bound;
}

void insertMember(SortedSet &set, const QByteArray &member, double score)
{
    const auto it = set.scores.constFind(member);
    if (it != set.scores.cend())
        set.byScore.erase({ *it, member });
    set.scores.insert(member, score);
    set.byScore.insert({ score, member });
}

RedisReply zadd(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    bool nx = false, xx = false, gt = false, lt = false, ch = false, incr = false;
    qsizetype i = 2;
    for (; i < argv.size(); ++i) {
        const QByteArray &w = argv.at(i);
        if (MemoryArgs::equals(w, "NX"))
            nx = true;
        else if (MemoryArgs::equals(w, "XX"))
            xx = true;
        else if (MemoryArgs::equals(w, "GT"))
            gt = true;
        else if (MemoryArgs::equals(w, "LT"))
            lt = true;
        else if (MemoryArgs::equals(w, "CH"))
            ch = true;
        else if (MemoryArgs::equals(w, "INCR"))
            incr = true;
        else
            break;
    }
    const qsizetype pairs = argv.size() - i;
    if (pairs <= 0 || pairs % 2 != 0)
        return MemoryArgs::syntaxError();
    if ((nx && xx) || (gt && lt) || (nx && (gt || lt)))
        return RedisReply::error(
            QByteArrayLiteral("ERR XX and NX options at the same time are not compatible"));
    if (incr && pairs != 2)
        return RedisReply::error(
            QByteArrayLiteral("ERR INCR option supports a single increment-element pair"));
    QList<std::pair<double, QByteArray>> items;
    for (qsizetype j = i; j + 1 < argv.size(); j += 2) {
        const auto score = MemoryArgs::number(argv.at(j));
        if (!score)
            return MemoryArgs::notFloat();
        items.append({ *score, argv.at(j + 1) });
    }
    RedisReply error;
    SortedSet *set = ks.getOrCreate<SortedSet>(argv.at(1), &error);
    if (!set)
        return error;
    qint64 added = 0, changed = 0;
    RedisReply incrResult;
    for (const auto &[score, member] : items) {
        const auto it = set->scores.constFind(member);
        const bool exists = it != set->scores.cend();
        if ((nx && exists) || (xx && !exists))
            continue;
        double next = score;
        if (incr && exists)
            next = *it + score;
        if (exists && ((gt && next <= *it) || (lt && next >= *it)))
            continue;
        if (!exists)
            ++added;
        else if (*it != next)
            ++changed;
        insertMember(*set, member, next);
        incrResult = RedisReply::string(formatScore(next));
    }
    ks.removeIfEmpty(argv.at(1));
    if (incr)
        return incrResult;
    return RedisReply::integer(ch ? added + changed : added);
}

void appendMember(QList<RedisReply> &out, const std::pair<double, QByteArray> &item,
                  bool withScores)
{
    out.append(RedisReply::string(item.second));
    if (withScores)
        out.append(RedisReply::string(formatScore(item.first)));
}

// ZRANGE key start stop [BYSCORE] [REV] [LIMIT offset count] [WITHSCORES]
RedisReply rangeGeneric(MemoryKeyspace &ks, const QByteArrayList &argv, bool byScore,
                        qsizetype optionsFrom)
{
    bool rev = false, withScores = false;
    qint64 offset = 0, limit = -1;
    for (qsizetype i = optionsFrom; i < argv.size(); ++i) {
        if (MemoryArgs::equals(argv.at(i), "BYSCORE")) {
            byScore = true;
        } else if (MemoryArgs::equals(argv.at(i), "REV")) {
            rev = true;
        } else if (MemoryArgs::equals(argv.at(i), "WITHSCORES")) {
            withScores = true;
        } else if (MemoryArgs::equals(argv.at(i), "LIMIT") && i + 2 < argv.size()) {
            const auto o = MemoryArgs::integer(argv.at(i + 1));
            const auto c = MemoryArgs::integer(argv.at(i + 2));
            if (!o || !c)
                return MemoryArgs::notInteger();
            offset = *o;
            limit = *c;
            i += 2;
        } else {
            return MemoryArgs::syntaxError();
        }
    }
    RedisReply error;
    const SortedSet *set = ks.get<SortedSet>(argv.at(1), &error);
    if (error.isError())
        return error;
    QList<RedisReply> out;
    if (!set)
        return RedisReply::array(out);
    QList<std::pair<double, QByteArray>> ordered(set->byScore.begin(), set->byScore.end());
    if (rev)
        std::reverse(ordered.begin(), ordered.end());

    if (!byScore) {
        const auto start = MemoryArgs::integer(argv.at(2));
        const auto stop = MemoryArgs::integer(argv.at(3));
        if (!start || !stop)
            return MemoryArgs::notInteger();
        const qint64 size = ordered.size();
        qint64 from = *start < 0 ? std::max<qint64>(0, size + *start) : *start;
        qint64 to = std::min(*stop < 0 ? size + *stop : *stop, size - 1);
        for (qint64 k = from; k <= to; ++k)
            appendMember(out, ordered.at(k), withScores);
        return RedisReply::array(std::move(out));
    }
    // With REV the first bound is the maximum, as in Redis.
    const auto first = parseBound(argv.at(2));
    const auto second = parseBound(argv.at(3));
    if (!first || !second)
        return RedisReply::error(QByteArrayLiteral("ERR min or max is not a float"));
    const ScoreBound min = rev ? *second : *first;
    const ScoreBound max = rev ? *first : *second;
    qint64 skipped = 0;
    for (const auto &item : ordered) {
        if (!min.admitsFromBelow(item.first) || !max.admitsFromAbove(item.first))
            continue;
        if (skipped++ < offset)
            continue;
        if (limit >= 0 && out.size() / (withScores ? 2 : 1) >= limit)
            break;
        appendMember(out, item, withScores);
    }
    return RedisReply::array(std::move(out));
}

RedisReply zrange(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return rangeGeneric(ks, argv, false, 4);
}

RedisReply zrangebyscore(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return rangeGeneric(ks, argv, true, 4);
}

RedisReply zrem(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    SortedSet *set = ks.get<SortedSet>(argv.at(1), &error);
    if (!set)
        return error.isError() ? error : RedisReply::integer(0);
    qint64 removed = 0;
    for (qsizetype i = 2; i < argv.size(); ++i) {
        const auto it = set->scores.constFind(argv.at(i));
        if (it == set->scores.cend())
            continue;
        set->byScore.erase({ *it, argv.at(i) });
        set->scores.remove(argv.at(i));
        ++removed;
    }
    ks.removeIfEmpty(argv.at(1));
    return RedisReply::integer(removed);
}

RedisReply zcard(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    const SortedSet *set = ks.get<SortedSet>(argv.at(1), &error);
    if (error.isError())
        return error;
    return RedisReply::integer(set ? set->scores.size() : 0);
}

RedisReply zscore(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    const SortedSet *set = ks.get<SortedSet>(argv.at(1), &error);
    if (!set)
        return error.isError() ? error : RedisReply::nil();
    const auto it = set->scores.constFind(argv.at(2));
    return it == set->scores.cend() ? RedisReply::nil() : RedisReply::string(formatScore(*it));
}

RedisReply countOrRemoveByScore(MemoryKeyspace &ks, const QByteArrayList &argv, bool remove)
{
    const auto min = parseBound(argv.at(2));
    const auto max = parseBound(argv.at(3));
    if (!min || !max)
        return RedisReply::error(QByteArrayLiteral("ERR min or max is not a float"));
    RedisReply error;
    SortedSet *set = ks.get<SortedSet>(argv.at(1), &error);
    if (!set)
        return error.isError() ? error : RedisReply::integer(0);
    qint64 n = 0;
    for (auto it = set->byScore.begin(); it != set->byScore.end();) {
        if (!min->admitsFromBelow(it->first)) {
            ++it;
            continue;
        }
        if (!max->admitsFromAbove(it->first))
            break;
        ++n;
        if (remove) {
            set->scores.remove(it->second);
            it = set->byScore.erase(it);
        } else {
            ++it;
        }
    }
    ks.removeIfEmpty(argv.at(1));
    return RedisReply::integer(n);
}

RedisReply zcount(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return countOrRemoveByScore(ks, argv, false);
}

RedisReply zremrangebyscore(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return countOrRemoveByScore(ks, argv, true);
}

} // namespace

void MemorySortedSetCommands::registerInto(MemoryCommandTable &table)
{
    table.add("ZADD", -4, zadd);
    table.add("ZRANGE", -4, zrange);
    table.add("ZRANGEBYSCORE", -4, zrangebyscore);
    table.add("ZREM", -3, zrem);
    table.add("ZCARD", 2, zcard);
    table.add("ZSCORE", 3, zscore);
    table.add("ZCOUNT", 4, zcount);
    table.add("ZREMRANGEBYSCORE", 4, zremrangebyscore);
}

} // namespace m1
