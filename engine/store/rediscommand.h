#pragma once

// One Redis command as its argument vector, binary-safe. A command that runs one of the
// engine's scripts also carries the script itself, so a store can load it on first use (Redis)
// or run its native twin (the in-process store) without a separate registration step.

#include "store/luascript.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <concepts>
#include <memory>

namespace m1 {

class RedisCommand
{
public:
    RedisCommand() = default;
    explicit RedisCommand(QByteArrayList argv)
        : m_argv(std::move(argv))
    {
    }

    // RedisCommand::of("SET", key, value, "PX", 3000): byte arrays go as they are, strings as
    // UTF-8, integers in decimal.
    template<typename... Args> static RedisCommand of(const Args &...args)
    {
        QByteArrayList argv;
        argv.reserve(sizeof...(Args));
        (argv.append(toArg(args)), ...);
        return RedisCommand(std::move(argv));
    }

    // EVALSHA sha numkeys keys... args..., remembering the script for loading / native runs.
    static RedisCommand evalSha(std::shared_ptr<const LuaScript> script, const QByteArrayList &keys,
                                const QByteArrayList &args);

    const QByteArrayList &argv() const { return m_argv; }
    bool isEmpty() const { return m_argv.isEmpty(); }
    // Upper-case command name; for SCRIPT/XGROUP/CLIENT etc. also the subcommand ("XGROUP CREATE").
    QByteArray name() const;
    const std::shared_ptr<const LuaScript> &script() const { return m_script; }
    // How long the server may legitimately hold the reply (XREADGROUP/XREAD ... BLOCK ms):
    // -1 for ordinary commands, 0 for "block forever".
    qint64 blockingMs() const;
    // Size on the wire in RESP (for the bytes-out metric).
    qsizetype wireSize() const;
    // "SET m1:{…123}:state <312 bytes> PX 1800000": for logs, values and keys shortened.
    QString toDebugString() const;

    bool operator==(const RedisCommand &other) const { return m_argv == other.m_argv; }

private:
    static QByteArray toArg(const QByteArray &v) { return v; }
    static QByteArray toArg(const char *v) { return QByteArray(v); }
    static QByteArray toArg(const QString &v) { return v.toUtf8(); }
    template<std::integral T> static QByteArray toArg(T v) { return QByteArray::number(v); }

    QByteArrayList m_argv;
    std::shared_ptr<const LuaScript> m_script;
};

} // namespace m1
