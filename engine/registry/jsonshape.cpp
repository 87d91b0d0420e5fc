#include "registry/jsonshape.h"

namespace m1::JsonShape {

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString expected(const QString &what, const QJsonValue &found)
{
    return QStringLiteral("expected ") + what + QStringLiteral(", found ") + describe(found);
}

} // namespace m1::JsonShape
