#pragma once

// A small JSON Schema checker for tests: type, enum, format (date, date-time, uuid, email),
// required, properties, items, minimum/maximum, min/maxLength, min/maxItems, allOf/oneOf/anyOf
// (first alternative). Returns the problems as "path: what" lines.

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

inline void checkSchema(const QJsonValue &value, const QJsonObject &schemaIn, const QString &path,
                        QStringList *problems, int depth = 0)
{
    if (depth > 40)
        return;
    QJsonObject schema = schemaIn;
    for (const QJsonValue &part : schemaIn.value(QStringLiteral("allOf")).toArray())
        checkSchema(value, part.toObject(), path, problems, depth + 1);
    for (const auto &key : {QStringLiteral("oneOf"), QStringLiteral("anyOf")}) {
        const QJsonArray alternatives = schemaIn.value(key).toArray();
        if (alternatives.isEmpty())
            continue;
        bool any = false;
        for (const QJsonValue &alt : alternatives) {
            QStringList local;
            checkSchema(value, alt.toObject(), path, &local, depth + 1);
            any = any || local.isEmpty();
        }
        if (!any)
            problems->append(path + QStringLiteral(": matches no alternative of ") + key);
    }
    const auto fail = [&](const QString &what) { problems->append(path + QStringLiteral(": ") + what); };
    if (value.isNull()) {
        if (!schema.value(QStringLiteral("nullable")).toBool() && schema.value(QStringLiteral("type")).toString() != QStringLiteral("null")
            && schema.contains(QStringLiteral("type")))
            fail(QStringLiteral("null but not nullable"));
        return;
    }
    const QJsonArray enumValues = schema.value(QStringLiteral("enum")).toArray();
    if (!enumValues.isEmpty() && !enumValues.contains(value))
        fail(QStringLiteral("not one of the enum values"));
    QStringList types;
    const QJsonValue t = schema.value(QStringLiteral("type"));
    if (t.isString())
        types.append(t.toString());
    for (const QJsonValue &v : t.toArray())
        types.append(v.toString());
    if (!types.isEmpty()) {
        bool ok = false;
        for (const QString &type : types) {
            ok = ok || (type == QStringLiteral("string") && value.isString())
                || (type == QStringLiteral("number") && value.isDouble())
                || (type == QStringLiteral("integer") && value.isDouble() && value.toDouble() == double(qint64(value.toDouble())))
                || (type == QStringLiteral("boolean") && value.isBool())
                || (type == QStringLiteral("array") && value.isArray())
                || (type == QStringLiteral("object") && value.isObject());
        }
        if (!ok) {
            fail(QStringLiteral("expected ") + types.join(u'|'));
            return;
        }
    }
    if (value.isString()) {
        const QString s = value.toString();
        const QString format = schema.value(QStringLiteral("format")).toString();
        static const QRegularExpression uuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        if (format == QStringLiteral("date") && !QDate::fromString(s, Qt::ISODate).isValid())
            fail(QStringLiteral("not a date: ") + s);
        if (format == QStringLiteral("date-time") && !QDateTime::fromString(s, Qt::ISODateWithMs).isValid())
            fail(QStringLiteral("not a date-time: ") + s);
        if (format == QStringLiteral("uuid") && !uuid.match(s).hasMatch())
            fail(QStringLiteral("not a uuid: ") + s);
        if (format == QStringLiteral("email") && !email.match(s).hasMatch())
            fail(QStringLiteral("not an email: ") + s);
        if (schema.contains(QStringLiteral("minLength")) && s.size() < schema.value(QStringLiteral("minLength")).toInt())
            fail(QStringLiteral("shorter than minLength"));
        if (schema.contains(QStringLiteral("maxLength")) && s.size() > schema.value(QStringLiteral("maxLength")).toInt())
            fail(QStringLiteral("longer than maxLength"));
        const QString pattern = schema.value(QStringLiteral("pattern")).toString();
        if (!pattern.isEmpty() && !QRegularExpression(pattern).match(s).hasMatch())
            fail(QStringLiteral("does not match ") + pattern);
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (schema.contains(QStringLiteral("minimum")) && d < schema.value(QStringLiteral("minimum")).toDouble())
            fail(QStringLiteral("below minimum"));
        if (schema.contains(QStringLiteral("maximum")) && d > schema.value(QStringLiteral("maximum")).toDouble())
            fail(QStringLiteral("above maximum"));
    }
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        if (schema.contains(QStringLiteral("minItems")) && a.size() < schema.value(QStringLiteral("minItems")).toInt())
            fail(QStringLiteral("fewer than minItems"));
        if (schema.contains(QStringLiteral("maxItems")) && a.size() > schema.value(QStringLiteral("maxItems")).toInt())
            fail(QStringLiteral("more than maxItems"));
        const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
        for (int i = 0; i < a.size(); ++i)
            checkSchema(a.at(i), items, path + u'[' + QString::number(i) + u']', problems, depth + 1);
    }
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (const QJsonValue &r : schema.value(QStringLiteral("required")).toArray()) {
            if (!o.contains(r.toString()))
                fail(QStringLiteral("missing required ") + r.toString());
        }
        const QJsonObject props = schema.value(QStringLiteral("properties")).toObject();
        for (auto it = props.begin(); it != props.end(); ++it) {
            if (o.contains(it.key()))
                checkSchema(o.value(it.key()), it.value().toObject(), path + u'.' + it.key(), problems, depth + 1);
        }
    }
}
