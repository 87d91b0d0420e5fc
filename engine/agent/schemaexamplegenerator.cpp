#include "agent/schemaexamplegenerator.h"

#include "agent/plausiblevalues.h"
#include "agent/textfold.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

struct SchemaExampleGenerator::Context
{
    QRandomGenerator rng;
    QJsonObject echo;           // argument name (dotted) → value
    QHash<QString, QJsonValue> echoByLeaf; // "vehicleId" → value, for fields named like an argument anywhere

    int pick(int n) { return n <= 1 ? 0 : int(rng.bounded(quint32(n))); }
    int between(int lo, int hi) { return hi <= lo ? lo : lo + int(rng.bounded(quint32(hi - lo + 1))); }
};

SchemaExampleGenerator::SchemaExampleGenerator(quint64 seed, QDate today, int maxDepth)
    : m_seed(seed), m_today(today.isValid() ? today : QDate(2026, 1, 1)), m_maxDepth(maxDepth)
{
}

quint64 SchemaExampleGenerator::stableHash(const QJsonValue &value)
{
    QByteArray bytes;
    if (value.isObject())
        bytes = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    else if (value.isArray())
        bytes = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else
        bytes = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    quint64 h = 14695981039346656037ULL;
    for (char c : std::as_const(bytes)) {
        h ^= quint8(c);
        h *= 1099511628211ULL;
    }
    return h;
}

QString SchemaExampleGenerator::typeOf(const QJsonObject &schema)
{
    const QJsonValue t = schema.value(u"type"_s);
    if (t.isString())
        return t.toString();
    if (t.isArray()) {
        for (const QJsonValue &v : t.toArray()) {
            if (v.toString() != u"null"_s)
                return v.toString();
        }
        return u"null"_s;
    }
    if (schema.contains(u"properties"_s) || schema.contains(u"additionalProperties"_s))
        return u"object"_s;
    if (schema.contains(u"items"_s))
        return u"array"_s;
    return {};
}

// allOf parts merged into one schema; oneOf/anyOf: the first alternative that is not null.
QJsonObject SchemaExampleGenerator::merged(const QJsonObject &schema)
{
    QJsonObject out = schema;
    if (schema.value(u"allOf"_s).isArray()) {
        out.remove(u"allOf"_s);
        QJsonObject props = out.value(u"properties"_s).toObject();
        QJsonArray required = out.value(u"required"_s).toArray();
        for (const QJsonValue &partValue : schema.value(u"allOf"_s).toArray()) {
            const QJsonObject part = merged(partValue.toObject());
            const QJsonObject partProps = part.value(u"properties"_s).toObject();
            for (auto it = partProps.begin(); it != partProps.end(); ++it)
                props.insert(it.key(), it.value());
            for (const QJsonValue &r : part.value(u"required"_s).toArray())
                required.append(r);
            for (auto it = part.begin(); it != part.end(); ++it) {
                if (it.key() != u"properties"_s && it.key() != u"required"_s && !out.contains(it.key()))
                    out.insert(it.key(), it.value());
            }
        }
        if (!props.isEmpty())
            out.insert(u"properties"_s, props);
        if (!required.isEmpty())
            out.insert(u"required"_s, required);
    }
    for (const auto &key : {u"oneOf"_s, u"anyOf"_s}) {
        if (!out.value(key).isArray())
            continue;
        const QJsonArray alternatives = out.value(key).toArray();
        out.remove(key);
        for (const QJsonValue &alt : alternatives) {
            const QJsonObject a = merged(alt.toObject());
            if (typeOf(a) == u"null"_s)
                continue;
            for (auto it = a.begin(); it != a.end(); ++it) {
                if (!out.contains(it.key()))
                    out.insert(it.key(), it.value());
            }
            break;
        }
    }
    return out;
}

std::optional<QJsonValue> SchemaExampleGenerator::echoed(const QString &name, const QString &path,
                                                         const QJsonObject &schema, const Context &ctx) const
{
    QJsonValue v;
    if (ctx.echo.contains(path))
        v = ctx.echo.value(path);
    else if (ctx.echoByLeaf.contains(name))
        v = ctx.echoByLeaf.value(name);
    else
        return std::nullopt;
    const QString type = typeOf(schema);
    if ((type == u"integer"_s || type == u"number"_s) && v.isString()) {
        bool ok = false;
        const double d = v.toString().toDouble(&ok);
        if (!ok)
            return std::nullopt;
        v = type == u"integer"_s ? QJsonValue(qint64(std::llround(d))) : QJsonValue(d);
    } else if (type == u"string"_s && v.isDouble()) {
        v = QString::number(v.toDouble(), 'g', 15);
    } else if (type == u"string"_s && !v.isString()) {
        return std::nullopt;
    } else if ((type == u"object"_s && !v.isObject()) || (type == u"array"_s && !v.isArray())
               || (type == u"boolean"_s && !v.isBool())) {
        return std::nullopt;
    }
    if (!fits(v, schema))
        return std::nullopt;
    return v;
}

// Whether an echoed argument may stand in the response: the schema's enum and string formats
// hold (a user's "sutra" must not become a date-time field), and so do array items.
bool SchemaExampleGenerator::fits(const QJsonValue &v, const QJsonObject &schema)
{
    const QJsonArray enumValues = schema.value(u"enum"_s).toArray();
    if (!enumValues.isEmpty() && !enumValues.contains(v))
        return false;
    const QString format = schema.value(u"format"_s).toString();
    if (v.isString() && format == u"date"_s && !QDate::fromString(v.toString(), Qt::ISODate).isValid())
        return false;
    if (v.isString() && format == u"date-time"_s && !QDateTime::fromString(v.toString(), Qt::ISODateWithMs).isValid())
        return false;
    if (v.isArray()) {
        const QJsonObject items = merged(schema.value(u"items"_s).toObject());
        const QString itemType = typeOf(items);
        for (const QJsonValue &item : v.toArray()) {
            if ((itemType == u"string"_s && !item.isString()) || (itemType == u"object"_s && !item.isObject())
                || ((itemType == u"integer"_s || itemType == u"number"_s) && !item.isDouble())
                || !fits(item, items))
                return false;
        }
    }
    return true;
}

QJsonValue SchemaExampleGenerator::generate(const QJsonObject &schema, const QJsonObject &echo, quint64 salt) const
{
    Context ctx{QRandomGenerator(quint32(m_seed ^ salt) ^ quint32((m_seed ^ salt) >> 32)), echo, {}};
    for (auto it = echo.begin(); it != echo.end(); ++it) {
        const QString leaf = it.key().section(u'.', -1);
        // Only names that identify something travel to other depths; "id" or "name" would not.
        const QStringList words = TextFold::identifierWords(leaf);
        if (words.size() > 1 || leaf == u"licencePlate"_s)
            ctx.echoByLeaf.insert(leaf, it.value());
    }
    return value(schema, QString(), QString(), 0, ctx);
}

QJsonValue SchemaExampleGenerator::valueFor(const QString &name, const QJsonObject &schema, quint64 salt) const
{
    Context ctx{QRandomGenerator(quint32(m_seed ^ salt ^ stableHash(name))), {}, {}};
    return value(schema, name.section(u'.', -1), name, 1, ctx);
}

QJsonValue SchemaExampleGenerator::value(const QJsonObject &rawSchema, const QString &name, const QString &path,
                                         int depth, Context &ctx) const
{
    const QJsonObject schema = merged(rawSchema);
    if (depth > 0) {
        if (auto e = echoed(name, path, schema, ctx))
            return *e;
    }
    if (schema.contains(u"const"_s))
        return schema.value(u"const"_s);
    if (schema.contains(u"example"_s) && !schema.value(u"example"_s).isNull() && typeOf(schema) != u"object"_s
        && typeOf(schema) != u"array"_s)
        return schema.value(u"example"_s);
    const QJsonArray enumValues = schema.value(u"enum"_s).toArray();
    if (!enumValues.isEmpty()) {
        QJsonArray usable;
        for (const QJsonValue &v : enumValues) {
            if (!v.isNull())
                usable.append(v);
        }
        if (!usable.isEmpty())
            return usable.at(ctx.pick(int(usable.size())));
    }
    const QString type = typeOf(schema);
    if (type == u"object"_s)
        return objectValue(schema, path, depth, ctx);
    if (type == u"array"_s)
        return arrayValue(schema, name, path, depth, ctx);
    if (type == u"integer"_s || type == u"number"_s)
        return numberValue(schema, name, type == u"integer"_s, ctx);
    if (type == u"boolean"_s)
        return schema.value(u"default"_s).isBool() ? schema.value(u"default"_s) : QJsonValue(ctx.pick(2) == 1);
    if (type == u"null"_s)
        return QJsonValue::Null;
    if (type.isEmpty() && schema.contains(u"default"_s))
        return schema.value(u"default"_s);
    return stringValue(schema, name, ctx);
}

QJsonValue SchemaExampleGenerator::objectValue(const QJsonObject &schema, const QString &path, int depth,
                                               Context &ctx) const
{
    QJsonObject out;
    const QJsonObject props = schema.value(u"properties"_s).toObject();
    QSet<QString> required;
    for (const QJsonValue &r : schema.value(u"required"_s).toArray())
        required.insert(r.toString());
    for (auto it = props.begin(); it != props.end(); ++it) {
        const QJsonObject child = merged(it.value().toObject());
        const QString childPath = path.isEmpty() ? it.key() : path + u'.' + it.key();
        const QString childType = typeOf(child);
        // Deep optional structures are cut so recursive schemas stay small.
        if (depth >= m_maxDepth && !required.contains(it.key()))
            continue;
        // An optional field that may be null usually is (a new booking has no cancel reason).
        if (!required.contains(it.key()) && child.value(u"nullable"_s).toBool() && !ctx.echo.contains(childPath)
            && !ctx.echoByLeaf.contains(it.key())) {
            out.insert(it.key(), QJsonValue::Null);
            continue;
        }
        if (depth >= m_maxDepth + 2 && (childType == u"object"_s || childType == u"array"_s))
            continue;
        out.insert(it.key(), value(child, it.key(), childPath, depth + 1, ctx));
    }
    if (props.isEmpty() && schema.value(u"additionalProperties"_s).isObject() && depth < m_maxDepth) {
        const QJsonObject valueSchema = schema.value(u"additionalProperties"_s).toObject();
        out.insert(u"key1"_s, value(valueSchema, u"key1"_s, path + u".key1"_s, depth + 1, ctx));
    }
    // An object example fills what the schema did not describe.
    const QJsonObject example = schema.value(u"example"_s).toObject();
    for (auto it = example.begin(); it != example.end(); ++it) {
        if (!out.contains(it.key()))
            out.insert(it.key(), it.value());
    }
    return out;
}

QJsonValue SchemaExampleGenerator::arrayValue(const QJsonObject &schema, const QString &name, const QString &path,
                                              int depth, Context &ctx) const
{
    const int minItems = schema.value(u"minItems"_s).toInt(0);
    const int maxItems = schema.contains(u"maxItems"_s) ? schema.value(u"maxItems"_s).toInt() : 3;
    int count = ctx.between(qMax(1, minItems), qMax(qMax(1, minItems), qMin(3, maxItems)));
    if (maxItems == 0 || depth >= m_maxDepth + 2)
        count = qMin(count, minItems);
    const QJsonObject items = merged(schema.value(u"items"_s).toObject());
    QJsonArray out;
    const bool unique = schema.value(u"uniqueItems"_s).toBool() || items.contains(u"enum"_s);
    for (int tries = 0; out.size() < count && tries < count * 4; ++tries) {
        const QJsonValue v = value(items, name, path + u"[]"_s, depth + 1, ctx);
        if (unique && out.contains(v))
            continue;
        out.append(v);
    }
    return out;
}

QJsonValue SchemaExampleGenerator::numberValue(const QJsonObject &schema, const QString &name, bool integer,
                                               Context &ctx) const
{
    return PlausibleValues(ctx.rng, m_today).number(schema, name, integer);
}

QJsonValue SchemaExampleGenerator::stringValue(const QJsonObject &schema, const QString &name, Context &ctx) const
{
    return PlausibleValues(ctx.rng, m_today).string(schema, name);
}

} // namespace m1
