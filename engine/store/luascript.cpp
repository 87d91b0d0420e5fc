#include "store/luascript.h"

#include <QCryptographicHash>

namespace m1 {

LuaScript::LuaScript(QByteArray name, QByteArray source, Native native)
    : m_name(std::move(name))
    , m_source(std::move(source))
    , m_sha1(sha1Of(m_source))
    , m_native(std::move(native))
{
}

QByteArray LuaScript::sha1Of(const QByteArray &source)
{
    return QCryptographicHash::hash(source, QCryptographicHash::Sha1).toHex();
}

} // namespace m1
