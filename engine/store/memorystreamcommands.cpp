#include "store/memorystreamcommands.h"

#include "store/memoryargs.h"
#include "store/memorycommandtable.h"

namespace m1 {

namespace {

RedisReply entryReply(const StreamId &id, const QByteArrayList *fields)
{
    if (!fields)
        return RedisReply::array({ RedisReply::string(id.toBytes()), RedisReply::nil() });
    QList<RedisReply> flat;
    flat.reserve(fields->size());
    for (const QByteArray &f : *fields)
        flat.append(RedisReply::string(f));
    return RedisReply::array(
        { RedisReply::string(id.toBytes()), RedisReply::array(std::move(flat)) });
}

RedisReply invalidId()
{
    return RedisReply::error(
        QByteArrayLiteral("ERR Invalid stream ID specified as stream command argument"));
}

RedisReply xadd(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    bool noMkStream = false;
    qint64 maxLen = -1;
    qsizetype i = 2;
    for (; i < argv.size(); ++i) {
        if (MemoryArgs::equals(argv.at(i), "NOMKSTREAM")) {
            noMkStream = true;
        } else if (MemoryArgs::equals(argv.at(i), "MAXLEN") && i + 1 < argv.size()) {
            if (argv.at(i + 1) == "~" || argv.at(i + 1) == "=")
                ++i;
            const auto n = i + 1 < argv.size() ? MemoryArgs::integer(argv.at(i + 1)) : std::nullopt;
            if (!n || *n < 0)
                return RedisReply::error(
                    QByteArrayLiteral("ERR The MAXLEN argument must be >= 0."));
            maxLen = *n;
            ++i;
        } else {
            break;
        }
    }
    if (i >= argv.size() || (argv.size() - i - 1) < 2 || (argv.size() - i - 1) % 2 != 0)
        return MemoryArgs::wrongArity(argv.first());
    const QByteArray &idText = argv.at(i);

    RedisReply error;
    if (noMkStream && !ks.find(argv.at(1))) {
        (void)ks.get<MemoryStream>(argv.at(1), &error);
        return RedisReply::nil();
    }
    MemoryStream *stream = ks.getOrCreate<MemoryStream>(argv.at(1), &error);
    if (!stream)
        return error;

    StreamId id;
    if (idText == "*") {
        const quint64 now = quint64(std::max<qint64>(0, ks.nowMs()));
        id = now > stream->lastId.ms ? StreamId { now, 0 } : stream->lastId.next();
    } else if (idText.endsWith("-*")) {
        bool ok = false;
        const quint64 ms = idText.chopped(2).toULongLong(&ok);
        if (!ok)
            return invalidId();
        id = ms == stream->lastId.ms ? stream->lastId.next() : StreamId { ms, 0 };
    } else {
        const auto parsed = StreamId::parse(idText);
        if (!parsed || idText == "-" || idText == "+")
            return invalidId();
        id = *parsed;
    }
    if (id == StreamId {})
        return RedisReply::error(
            QByteArrayLiteral("ERR The ID specified in XADD must be greater than 0-0"));
    if (id <= stream->lastId)
        return RedisReply::error(QByteArrayLiteral(
            "ERR The ID specified in XADD is equal or smaller than the target stream top item"));

    stream->entries.emplace(id, argv.mid(i + 1));
    stream->lastId = id;
    while (maxLen >= 0 && qint64(stream->entries.size()) > maxLen)
        stream->entries.erase(stream->entries.begin());
    return RedisReply::string(id.toBytes());
}

RedisReply xlen(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    const MemoryStream *stream = ks.get<MemoryStream>(argv.at(1), &error);
    if (error.isError())
        return error;
    return RedisReply::integer(stream ? qint64(stream->entries.size()) : 0);
}

RedisReply xrange(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    QByteArray startText = argv.at(2);
    const bool exclusiveStart = startText.startsWith('(');
    if (exclusiveStart)
        startText = startText.mid(1);
    auto start = StreamId::parse(startText);
    const auto end = StreamId::parse(argv.at(3), true);
    if (!start || !end)
        return invalidId();
    if (exclusiveStart)
        *start = start->next();
    qint64 count = -1;
    if (argv.size() == 6 && MemoryArgs::equals(argv.at(4), "COUNT")) {
        const auto n = MemoryArgs::integer(argv.at(5));
        if (!n)
            return MemoryArgs::notInteger();
        count = *n;
    } else if (argv.size() != 4) {
        return MemoryArgs::syntaxError();
    }
    RedisReply error;
    const MemoryStream *stream = ks.get<MemoryStream>(argv.at(1), &error);
    if (error.isError())
        return error;
    QList<RedisReply> out;
    if (stream) {
        for (auto it = stream->entries.lower_bound(*start);
             it != stream->entries.end() && it->first <= *end; ++it) {
            if (count >= 0 && out.size() >= count)
                break;
            out.append(entryReply(it->first, &it->second));
        }
    }
    return RedisReply::array(std::move(out));
}

RedisReply xdel(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    MemoryStream *stream = ks.get<MemoryStream>(argv.at(1), &error);
    if (!stream)
        return error.isError() ? error : RedisReply::integer(0);
    qint64 n = 0;
    for (qsizetype i = 2; i < argv.size(); ++i) {
        const auto id = StreamId::parse(argv.at(i));
        if (!id)
            return invalidId();
        n += qint64(stream->entries.erase(*id));
    }
    return RedisReply::integer(n);
}

RedisReply xgroup(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    const QByteArray &sub = argv.at(1);
    if (argv.size() < 4)
        return MemoryArgs::wrongArity("xgroup|" + sub.toLower());
    const QByteArray &key = argv.at(2);
    const QByteArray &group = argv.at(3);
    RedisReply error;
    MemoryStream *stream = ks.get<MemoryStream>(key, &error);
    if (error.isError())
        return error;

    if (MemoryArgs::equals(sub, "CREATE")) {
        if (argv.size() < 5)
            return MemoryArgs::wrongArity("xgroup|create");
        const bool mkStream = argv.size() > 5 && MemoryArgs::equals(argv.at(5), "MKSTREAM");
        if (!stream && !mkStream)
            return RedisReply::error(QByteArrayLiteral(
                "ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may "
                "want "
                "to use the MKSTREAM option to create an empty stream automatically."));
        if (!stream)
            stream = ks.getOrCreate<MemoryStream>(key, &error);
        if (stream->groups.contains(group))
            return RedisReply::error(
                QByteArrayLiteral("BUSYGROUP Consumer Group name already exists"));
        StreamId start = stream->lastId;
        if (argv.at(4) != "$") {
            const auto parsed = StreamId::parse(argv.at(4));
            if (!parsed)
                return invalidId();
            start = *parsed;
        }
        stream->groups[group].lastDelivered = start;
        return RedisReply::ok();
    }
    if (!stream)
        return RedisReply::error(
            QByteArrayLiteral("ERR The XGROUP subcommand requires the key to exist."));
    if (MemoryArgs::equals(sub, "DESTROY"))
        return RedisReply::integer(qint64(stream->groups.erase(group)));

    const auto groupIt = stream->groups.find(group);
    if (groupIt == stream->groups.end())
        return RedisReply::error("NOGROUP No such consumer group '" + group + "' for key name '"
                                 + key + "'");
    if (MemoryArgs::equals(sub, "CREATECONSUMER") && argv.size() == 5) {
        if (groupIt->second.consumerSeenMs.contains(argv.at(4)))
            return RedisReply::integer(0);
        groupIt->second.consumerSeenMs.insert(argv.at(4), ks.nowMs());
        return RedisReply::integer(1);
    }
    if (MemoryArgs::equals(sub, "SETID") && argv.size() == 5) {
        const auto id = argv.at(4) == "$" ? std::optional<StreamId>(stream->lastId)
                                          : StreamId::parse(argv.at(4));
        if (!id)
            return invalidId();
        groupIt->second.lastDelivered = *id;
        return RedisReply::ok();
    }
    return RedisReply::error("ERR unknown subcommand '" + sub
                             + "' (the memory store knows XGROUP "
                               "CREATE, DESTROY, CREATECONSUMER and SETID)");
}

RedisReply xreadgroup(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    if (argv.size() < 7 || !MemoryArgs::equals(argv.at(1), "GROUP"))
        return MemoryArgs::syntaxError();
    const QByteArray &group = argv.at(2);
    const QByteArray &consumer = argv.at(3);
    qint64 count = -1;
    bool noAck = false;
    qsizetype i = 4;
    for (; i < argv.size(); ++i) {
        if (MemoryArgs::equals(argv.at(i), "COUNT") && i + 1 < argv.size()) {
            const auto n = MemoryArgs::integer(argv.at(++i));
            if (!n)
                return MemoryArgs::notInteger();
            count = *n <= 0 ? -1 : *n;
        } else if (MemoryArgs::equals(argv.at(i), "BLOCK") && i + 1 < argv.size()) {
            if (!MemoryArgs::integer(argv.at(++i)))
                return RedisReply::error(
                    QByteArrayLiteral("ERR timeout is not an integer or out of range"));
        } else if (MemoryArgs::equals(argv.at(i), "NOACK")) {
            noAck = true;
        } else if (MemoryArgs::equals(argv.at(i), "STREAMS")) {
            break;
        } else {
            return MemoryArgs::syntaxError();
        }
    }
    const qsizetype rest = argv.size() - i - 1;
    if (i >= argv.size() || rest <= 0 || rest % 2 != 0)
        return RedisReply::error(
            QByteArrayLiteral("ERR Unbalanced 'xreadgroup' list of streams: for each stream key an "
                              "ID or '>' must be specified."));
    const qsizetype streams = rest / 2;

    // Check everything before changing anything, as Redis does.
    QList<MemoryStream *> resolved;
    for (qsizetype s = 0; s < streams; ++s) {
        const QByteArray &key = argv.at(i + 1 + s);
        RedisReply error;
        MemoryStream *stream = ks.get<MemoryStream>(key, &error);
        if (error.isError())
            return error;
        if (!stream || !stream->groups.contains(group))
            return RedisReply::error("NOGROUP No such key '" + key + "' or consumer group '" + group
                                     + "' in XREADGROUP with GROUP option");
        const QByteArray &idText = argv.at(i + 1 + streams + s);
        if (idText != ">" && !StreamId::parse(idText))
            return invalidId();
        resolved.append(stream);
    }

    const qint64 now = ks.nowMs();
    QList<RedisReply> perStream;
    bool anyNew = false;
    for (qsizetype s = 0; s < streams; ++s) {
        const QByteArray &key = argv.at(i + 1 + s);
        const QByteArray &idText = argv.at(i + 1 + streams + s);
        MemoryStream &stream = *resolved.at(s);
        MemoryStream::Group &g = stream.groups[group];
        g.consumerSeenMs.insert(consumer, now);
        QList<RedisReply> entries;
        if (idText == ">") {
            for (auto it = stream.entries.upper_bound(g.lastDelivered);
                 it != stream.entries.end() && (count < 0 || entries.size() < count); ++it) {
                entries.append(entryReply(it->first, &it->second));
                g.lastDelivered = it->first;
                if (!noAck)
                    g.pending[it->first] = MemoryStream::Pending { consumer, now, 1 };
            }
            if (entries.isEmpty())
                continue;
            anyNew = true;
        } else {
            const StreamId after = *StreamId::parse(idText);
            for (auto it = g.pending.upper_bound(after);
                 it != g.pending.end() && (count < 0 || entries.size() < count); ++it) {
                if (it->second.consumer != consumer)
                    continue;
                const auto entry = stream.entries.find(it->first);
                entries.append(entryReply(
                    it->first, entry == stream.entries.end() ? nullptr : &entry->second));
            }
            anyNew = true; // a history read always answers, even with an empty list
        }
        perStream.append(
            RedisReply::array({ RedisReply::string(key), RedisReply::array(std::move(entries)) }));
    }
    return anyNew ? RedisReply::array(std::move(perStream)) : RedisReply::nil();
}

RedisReply xack(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    MemoryStream *stream = ks.get<MemoryStream>(argv.at(1), &error);
    if (error.isError())
        return error;
    if (!stream)
        return RedisReply::integer(0);
    const auto g = stream->groups.find(argv.at(2));
    if (g == stream->groups.end())
        return RedisReply::integer(0);
    qint64 n = 0;
    for (qsizetype i = 3; i < argv.size(); ++i) {
        const auto id = StreamId::parse(argv.at(i));
        if (!id)
            return invalidId();
        n += qint64(g->second.pending.erase(*id));
    }
    return RedisReply::integer(n);
}

RedisReply xpending(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    MemoryStream *stream = ks.get<MemoryStream>(argv.at(1), &error);
    if (error.isError())
        return error;
    const auto g = stream ? stream->groups.find(argv.at(2)) : decltype(stream->groups.end())();
    if (!stream || g == stream->groups.end())
        return RedisReply::error("NOGROUP No such key '" + argv.at(1) + "' or consumer group '"
                                 + argv.at(2) + "'");
    const auto &pending = g->second.pending;
    const qint64 now = ks.nowMs();

    if (argv.size() == 3) {
        if (pending.empty())
            return RedisReply::array({ RedisReply::integer(0), RedisReply::nil(), RedisReply::nil(),
                                       RedisReply::nil() });
        std::map<QByteArray, qint64> perConsumer;
        for (const auto &[id, p] : pending)
            ++perConsumer[p.consumer];
        QList<RedisReply> consumers;
        for (const auto &[name, n] : perConsumer)
            consumers.append(RedisReply::array(
                { RedisReply::string(name), RedisReply::string(QByteArray::number(n)) }));
        return RedisReply::array({ RedisReply::integer(qint64(pending.size())),
                                   RedisReply::string(pending.begin()->first.toBytes()),
                                   RedisReply::string(pending.rbegin()->first.toBytes()),
                                   RedisReply::array(std::move(consumers)) });
    }
    // XPENDING key group [IDLE min-idle] start end count [consumer]
    qsizetype i = 3;
    qint64 minIdle = 0;
    if (MemoryArgs::equals(argv.at(i), "IDLE") && i + 1 < argv.size()) {
        const auto n = MemoryArgs::integer(argv.at(i + 1));
        if (!n)
            return MemoryArgs::notInteger();
        minIdle = *n;
        i += 2;
    }
    if (argv.size() - i < 3 || argv.size() - i > 4)
        return MemoryArgs::syntaxError();
    const auto start = StreamId::parse(argv.at(i));
    const auto end = StreamId::parse(argv.at(i + 1), true);
    const auto count = MemoryArgs::integer(argv.at(i + 2));
    if (!start || !end)
        return invalidId();
    if (!count)
        return MemoryArgs::notInteger();
    const QByteArray consumer = argv.size() - i == 4 ? argv.at(i + 3) : QByteArray();
    QList<RedisReply> out;
    for (auto it = pending.lower_bound(*start);
         it != pending.end() && it->first <= *end && out.size() < *count; ++it) {
        const qint64 idle = now - it->second.deliveredAtMs;
        if (idle < minIdle || (!consumer.isEmpty() && it->second.consumer != consumer))
            continue;
        out.append(RedisReply::array(
            { RedisReply::string(it->first.toBytes()), RedisReply::string(it->second.consumer),
              RedisReply::integer(idle), RedisReply::integer(it->second.deliveries) }));
    }
    return RedisReply::array(std::move(out));
}

// XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]  (Redis 7 reply shape)
RedisReply xautoclaim(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    const auto minIdle = MemoryArgs::integer(argv.at(4));
    if (!minIdle || *minIdle < 0)
        return RedisReply::error(
            QByteArrayLiteral("ERR Invalid min-idle-time argument for XAUTOCLAIM"));
    QByteArray startText = argv.at(5);
    const bool exclusive = startText.startsWith('(');
    auto start = StreamId::parse(exclusive ? startText.mid(1) : startText);
    if (!start)
        return invalidId();
    if (exclusive)
        *start = start->next();
    qint64 count = 100;
    bool justId = false;
    for (qsizetype i = 6; i < argv.size(); ++i) {
        if (MemoryArgs::equals(argv.at(i), "COUNT") && i + 1 < argv.size()) {
            const auto n = MemoryArgs::integer(argv.at(++i));
            if (!n || *n < 1)
                return RedisReply::error(QByteArrayLiteral("ERR COUNT must be > 0"));
            count = *n;
        } else if (MemoryArgs::equals(argv.at(i), "JUSTID")) {
            justId = true;
        } else {
            return MemoryArgs::syntaxError();
        }
    }
    RedisReply error;
    MemoryStream *stream = ks.get<MemoryStream>(argv.at(1), &error);
    if (error.isError())
        return error;
    const auto g = stream ? stream->groups.find(argv.at(2)) : decltype(stream->groups.end())();
    if (!stream || g == stream->groups.end())
        return RedisReply::error("NOGROUP No such key '" + argv.at(1) + "' or consumer group '"
                                 + argv.at(2) + "'");
    auto &pending = g->second.pending;
    const qint64 now = ks.nowMs();
    g->second.consumerSeenMs.insert(argv.at(3), now);

    QList<RedisReply> claimed, deleted;
    qint64 attempts = count * 10;
    auto it = pending.lower_bound(*start);
    while (it != pending.end() && claimed.size() < count && attempts-- > 0) {
        const auto entry = stream->entries.find(it->first);
        if (entry == stream->entries.end()) {
            deleted.append(RedisReply::string(it->first.toBytes()));
            it = pending.erase(it);
            continue;
        }
        if (now - it->second.deliveredAtMs >= *minIdle) {
            it->second.consumer = argv.at(3);
            it->second.deliveredAtMs = now;
            if (!justId)
                ++it->second.deliveries;
            claimed.append(justId ? RedisReply::string(it->first.toBytes())
                                  : entryReply(entry->first, &entry->second));
        }
        ++it;
    }
    const QByteArray next = it == pending.end() ? QByteArrayLiteral("0-0") : it->first.toBytes();
    return RedisReply::array({ RedisReply::string(next), RedisReply::array(std::move(claimed)),
                               RedisReply::array(std::move(deleted)) });
}

} // namespace

void MemoryStreamCommands::registerInto(MemoryCommandTable &table)
{
    table.add("XADD", -5, xadd);
    table.add("XLEN", 2, xlen);
    table.add("XRANGE", -4, xrange);
    table.add("XDEL", -3, xdel);
    table.add("XGROUP", -2, xgroup);
    table.add("XREADGROUP", -7, xreadgroup);
    table.add("XACK", -4, xack);
    table.add("XPENDING", -3, xpending);
    table.add("XAUTOCLAIM", -6, xautoclaim);
}

} // namespace m1
