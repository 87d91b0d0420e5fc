#pragma once

// One JSON Schema node with its `$ref`, `allOf`, `oneOf`/`anyOf`, 3.1 type arrays and
// `nullable` already worked out. Children stay unnormalized (as Located) so a recursive
// schema costs nothing until someone descends into it.

#include "registry/located.h"

#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace m1 {

struct NamedSchema
{
    QString name;
    Located schema;
};

struct NormalizedSchema
{
    QString identity; // document#pointer after following refs: equal identities = same schema
    QString type; // "" when the schema does not say
    bool nullable = false;
    QString format;
    QStringList enumValues;
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined);
    QJsonValue example = QJsonValue(QJsonValue::Undefined); // or the first 3.1 `examples`
    QString description;
    QList<NamedSchema> properties;
    QSet<QString> required; // names among `properties`
    bool declaresProperties = false; // a `properties` member was written, even if empty
    Located items; // Undefined value when not an array
    // For a oneOf/anyOf of an object and a scalar (stripe's "an id or the expanded object"):
    // the scalar's type, so the field can also be sent as a plain value.
    QString scalarAlternative;

    bool hasProperties() const { return !properties.isEmpty(); }
};

using SchemaPtr = std::shared_ptr<const NormalizedSchema>;

} // namespace m1
