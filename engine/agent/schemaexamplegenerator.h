#pragma once

// Invents a JSON value that fits a JSON Schema: respects type, format (date, date-time, uuid,
// email, uri, time), enum, const, example/default, minimum/maximum, min/maxLength,
// min/maxItems (arrays get 1-3 items), nested objects, allOf/oneOf/anyOf. Field names steer
// strings towards plausible fleet data ("licencePlate" → "ZG-4821-KT", "vin" → 17 characters).
// `echo` values (the call's arguments) are copied into fields of the same name, so an invented
// booking carries the vehicle the user asked about. Deterministic: the same seed and inputs
// always give the same value. Used by the sandbox executor and to make test arguments.

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QRandomGenerator>

namespace m1 {

class SchemaExampleGenerator
{
public:
    // `today` anchors invented dates (near today, so they read naturally in replies).
    explicit SchemaExampleGenerator(quint64 seed = 1, QDate today = QDate(2026, 1, 1), int maxDepth = 8);

    // `salt` varies the output per call (e.g. a hash of the arguments).
    QJsonValue generate(const QJsonObject &schema, const QJsonObject &echo = {}, quint64 salt = 0) const;

    // One value for a named field of the given type/format/enum: what the argument generator uses.
    QJsonValue valueFor(const QString &name, const QJsonObject &schema, quint64 salt = 0) const;

    // Stable 64-bit hash (FNV-1a) of a JSON value's compact text; the same in every process.
    static quint64 stableHash(const QJsonValue &value);

private:
    struct Context;
    QJsonValue value(const QJsonObject &schema, const QString &name, const QString &path, int depth,
                     Context &ctx) const;
    QJsonValue objectValue(const QJsonObject &schema, const QString &path, int depth, Context &ctx) const;
    QJsonValue arrayValue(const QJsonObject &schema, const QString &name, const QString &path, int depth,
                          Context &ctx) const;
    QJsonValue stringValue(const QJsonObject &schema, const QString &name, Context &ctx) const;
    QJsonValue numberValue(const QJsonObject &schema, const QString &name, bool integer, Context &ctx) const;
    static QJsonObject merged(const QJsonObject &schema);
    static QString typeOf(const QJsonObject &schema);
    static bool fits(const QJsonValue &value, const QJsonObject &schema);
    std::optional<QJsonValue> echoed(const QString &name, const QString &path, const QJsonObject &schema,
                                     const Context &ctx) const;

    quint64 m_seed;
    QDate m_today;
    int m_maxDepth;
};

} // namespace m1
