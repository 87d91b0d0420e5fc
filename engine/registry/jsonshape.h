#pragma once

// Words for what a JSON value is, so error messages can say "expected an object, found a string".

#include <QJsonValue>
#include <QString>

namespace m1::JsonShape {

// "an object", "an array", "a string", "a number", "a boolean", "null", "nothing"
QString describe(const QJsonValue &value);
// "expected <what>, found <describe(found)>"
QString expected(const QString &what, const QJsonValue &found);

} // namespace m1::JsonShape
