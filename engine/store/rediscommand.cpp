#include "store/rediscommand.h"

namespace m1 {

namespace {

qsizetype digitCount(qsizetype v)
{
    qsizetype n = 1;
    for (; v >= 10; v /= 10)
        ++n;
    return n;
}

bool hasSubcommand(const QByteArray &upper)
{
    return upper == "SCRIPT" || upper == "XGROUP" || upper == "CLIENT" || upper == "CONFIG"
        || upper == "XINFO" || upper == "OBJECT";
}

} // namespace

RedisCommand RedisCommand::evalSha(std::shared_ptr<const LuaScript> script,
                                   const QByteArrayList &keys, const QByteArrayList &args)
{
    QByteArrayList argv;
    argv.reserve(3 + keys.size() + args.size());
    argv << QByteArrayLiteral("EVALSHA") << script->sha1() << QByteArray::number(keys.size());
    argv << keys << args;
    RedisCommand command(std::move(argv));
    command.m_script = std::move(script);
    return command;
}

QByteArray RedisCommand::name() const
{
    if (m_argv.isEmpty())
        return {};
    QByteArray upper = m_argv.first().toUpper();
    if (m_argv.size() > 1 && hasSubcommand(upper))
        upper += ' ' + m_argv.at(1).toUpper();
    return upper;
}

qint64 RedisCommand::blockingMs() const
{
    if (m_argv.isEmpty())
        return -1;
    const QByteArray upper = m_argv.first().toUpper();
    if (upper != "XREADGROUP" && upper != "XREAD")
        return -1;
    for (qsizetype i = 1; i + 1 < m_argv.size(); ++i) {
        const QByteArray word = m_argv.at(i).toUpper();
        if (word == "STREAMS")
            break;
        if (word == "BLOCK")
            return m_argv.at(i + 1).toLongLong();
    }
    return -1;
}

qsizetype RedisCommand::wireSize() const
{
    qsizetype n = 3 + digitCount(m_argv.size());
    for (const QByteArray &arg : m_argv)
        n += 5 + digitCount(arg.size()) + arg.size();
    return n;
}

QString RedisCommand::toDebugString() const
{
    QString out;
    for (qsizetype i = 0; i < m_argv.size(); ++i) {
        const QByteArray &arg = m_argv.at(i);
        if (i)
            out += u' ';
        if (i >= 2 && arg.size() > 24)
            out += u'<' + QString::number(arg.size()) + u" bytes>";
        else
            out += QString::fromUtf8(arg);
    }
    return out;
}

} // namespace m1
