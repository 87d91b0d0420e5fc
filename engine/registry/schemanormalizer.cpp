#include "registry/schemanormalizer.h"

#include "registry/jsonshape.h"

#include <QHash>

namespace m1 {

namespace {

constexpr int kMaxNesting = 64; // allOf/oneOf/anyOf inside each other; refs included

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QString();
    }
}

void addProperty(NormalizedSchema *out, QHash<QString, qsizetype> *index, const NamedSchema &p)
{
    if (index->contains(p.name))
        return;
    index->insert(p.name, out->properties.size());
    out->properties.append(p);
}

QHash<QString, qsizetype> propertyIndex(const NormalizedSchema &schema)
{
    QHash<QString, qsizetype> index;
    index.reserve(schema.properties.size());
    for (qsizetype i = 0; i < schema.properties.size(); ++i)
        index.insert(schema.properties[i].name, i);
    return index;
}

} // namespace

SchemaNormalizer::SchemaNormalizer(RefResolver &resolver, ErrorCollector &errors)
    : m_resolver(resolver)
    , m_errors(errors)
    , m_empty(std::make_shared<NormalizedSchema>())
{
}

SchemaPtr SchemaNormalizer::normalize(const Located &schema)
{
    const QString key = schema.key();
    const auto cached = m_cache.constFind(key);
    if (cached != m_cache.constEnd())
        return *cached;
    if (m_inProgress.contains(key)) {
        // A schema that contains itself through allOf/oneOf/anyOf: cut the loop here.
        auto cut = std::make_shared<NormalizedSchema>();
        cut->identity = key;
        return cut;
    }
    if (m_inProgress.size() >= kMaxNesting) {
        m_errors.warning(schema.document, schema.pointer,
                         QStringLiteral("schema nesting deeper than %1 levels; the rest is "
                                        "ignored")
                             .arg(kMaxNesting));
        return m_empty;
    }
    m_inProgress.insert(key);
    SchemaPtr result = build(schema);
    m_inProgress.remove(key);
    m_cache.insert(key, result);
    return result;
}

SchemaPtr SchemaNormalizer::build(const Located &schema)
{
    const QJsonValue &value = schema.value;
    if (value.isUndefined() || value.isBool()) // 3.1 allows `true`/`false` as schemas
        return m_empty;
    if (!value.isObject()) {
        m_errors.error(schema.document, schema.pointer,
                       JsonShape::expected(QStringLiteral("a schema object"), value));
        return m_empty;
    }
    if (RefResolver::isReference(value)) {
        const std::optional<Located> target = m_resolver.deref(schema);
        if (!target)
            return m_empty;
        SchemaPtr base = normalize(*target);
        // Siblings of $ref (docker, kubernetes, 3.1) usually just document this use of it.
        const QJsonObject object = value.toObject();
        const QJsonValue description = object.value(QLatin1String("description"));
        const bool nullable = object.value(QLatin1String("nullable")).toBool()
            || object.value(QLatin1String("x-nullable")).toBool();
        if ((!description.isString() || description.toString() == base->description)
            && (!nullable || base->nullable)) {
            return base;
        }
        auto copy = std::make_shared<NormalizedSchema>(*base);
        if (description.isString())
            copy->description = description.toString();
        copy->nullable = copy->nullable || nullable;
        return copy;
    }

    auto out = std::make_shared<NormalizedSchema>();
    out->identity = schema.key();
    readOwn(schema, out.get());
    const QJsonObject object = value.toObject();
    if (object.contains(QLatin1String("allOf")))
        mergeAllOf(schema.member(QStringLiteral("allOf")), out.get());
    for (const QString &union_ : { QStringLiteral("oneOf"), QStringLiteral("anyOf") }) {
        if (object.contains(union_))
            mergeUnion(schema.member(union_), out.get());
    }
    if (out->type.isEmpty()) {
        if (out->hasProperties() || out->declaresProperties)
            out->type = QStringLiteral("object");
        else if (out->items.isDefined())
            out->type = QStringLiteral("array");
    }
    return out;
}

void SchemaNormalizer::readOwn(const Located &schema, NormalizedSchema *out)
{
    const QJsonObject object = schema.value.toObject();
    if (object.contains(QLatin1String("type")))
        readType(schema.member(QStringLiteral("type")), out);
    out->nullable = out->nullable || object.value(QLatin1String("nullable")).toBool()
        || object.value(QLatin1String("x-nullable")).toBool();
    out->format = object.value(QLatin1String("format")).toString();
    out->description = object.value(QLatin1String("description")).toString();
    out->defaultValue = object.value(QLatin1String("default"));
    out->example = object.value(QLatin1String("example"));
    if (out->example.isUndefined()) {
        const QJsonValue examples = object.value(QLatin1String("examples"));
        if (examples.isArray() && !examples.toArray().isEmpty())
            out->example = examples.toArray().first();
    }

    const QJsonValue enumValue = object.value(QLatin1String("enum"));
    if (enumValue.isArray()) {
        const QJsonArray values = enumValue.toArray();
        for (const QJsonValue &v : values) {
            if (v.isNull())
                out->nullable = true;
            else
                out->enumValues.append(scalarText(v));
        }
    } else if (!enumValue.isUndefined()) {
        const Located at = schema.member(QStringLiteral("enum"));
        m_errors.error(
            at.document, at.pointer,
            JsonShape::expected(QStringLiteral("an array of allowed values"), enumValue));
    }
    const QJsonValue constValue = object.value(QLatin1String("const"));
    if (!constValue.isUndefined() && !constValue.isNull() && out->enumValues.isEmpty())
        out->enumValues.append(scalarText(constValue));

    readProperties(schema, out);

    const QJsonValue items = object.value(QLatin1String("items"));
    if (items.isObject() || items.isBool()) {
        out->items = schema.member(QStringLiteral("items"));
    } else if (items.isArray()) { // draft-4 tuple form: the first element stands for all
        if (!items.toArray().isEmpty())
            out->items = schema.member(QStringLiteral("items")).element(0);
    } else if (!items.isUndefined()) {
        const Located at = schema.member(QStringLiteral("items"));
        m_errors.error(at.document, at.pointer,
                       JsonShape::expected(QStringLiteral("a schema object"), items));
    }
}

void SchemaNormalizer::readType(const Located &type, NormalizedSchema *out)
{
    if (type.value.isString()) {
        out->type = type.value.toString();
        if (out->type == u"null")
            out->nullable = true;
        return;
    }
    if (type.value.isArray()) {
        const QJsonArray types = type.value.toArray();
        for (const QJsonValue &t : types) {
            const QString name = t.toString();
            if (name == u"null")
                out->nullable = true;
            else if (out->type.isEmpty() && !name.isEmpty())
                out->type = name;
        }
        if (out->type.isEmpty() && out->nullable)
            out->type = QStringLiteral("null");
        return;
    }
    m_errors.error(
        type.document, type.pointer,
        JsonShape::expected(QStringLiteral("a type name or an array of type names"), type.value));
}

void SchemaNormalizer::readProperties(const Located &schema, NormalizedSchema *out)
{
    const QJsonObject object = schema.value.toObject();
    const QJsonValue properties = object.value(QLatin1String("properties"));
    if (properties.isObject()) {
        out->declaresProperties = true;
        const Located at = schema.member(QStringLiteral("properties"));
        const QJsonObject map = properties.toObject();
        out->properties.reserve(map.size());
        // Each key is a property name, never a keyword: a property called "$ref"
        // (kubernetes' JSONSchemaProps) is just a property.
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            out->properties.append(NamedSchema {
                it.key(),
                Located { it.value(), at.document, JsonPointer::append(at.pointer, it.key()) } });
        }
    } else if (!properties.isUndefined()) {
        const Located at = schema.member(QStringLiteral("properties"));
        m_errors.error(at.document, at.pointer,
                       JsonShape::expected(QStringLiteral("an object mapping property names to "
                                                          "schemas"),
                                           properties));
    }
    const QJsonValue required = object.value(QLatin1String("required"));
    if (required.isArray()) {
        const QJsonArray names = required.toArray();
        for (const QJsonValue &name : names) {
            if (name.isString())
                out->required.insert(name.toString());
        }
    } else if (!required.isUndefined()) {
        const Located at = schema.member(QStringLiteral("required"));
        m_errors.error(at.document, at.pointer,
                       JsonShape::expected(QStringLiteral("an array of property names"), required));
    }
}

bool SchemaNormalizer::checkList(const Located &list, const QString &what)
{
    if (list.value.isArray())
        return true;
    m_errors.error(
        list.document, list.pointer,
        JsonShape::expected(QStringLiteral("an array of schemas for ") + what, list.value));
    return false;
}

void SchemaNormalizer::mergeAllOf(const Located &list, NormalizedSchema *out)
{
    if (!checkList(list, QStringLiteral("allOf")))
        return;
    QHash<QString, qsizetype> index = propertyIndex(*out);
    const qsizetype count = list.value.toArray().size();
    for (int i = 0; i < count; ++i) {
        const SchemaPtr part = normalize(list.element(i));
        for (const NamedSchema &p : part->properties)
            addProperty(out, &index, p);
        out->required.unite(part->required);
        out->declaresProperties = out->declaresProperties || part->declaresProperties;
        if (out->type.isEmpty())
            out->type = part->type;
        if (out->format.isEmpty())
            out->format = part->format;
        if (out->description.isEmpty())
            out->description = part->description;
        if (out->enumValues.isEmpty())
            out->enumValues = part->enumValues;
        if (out->defaultValue.isUndefined())
            out->defaultValue = part->defaultValue;
        if (out->example.isUndefined())
            out->example = part->example;
        if (!out->items.isDefined())
            out->items = part->items;
        out->nullable = out->nullable || part->nullable;
    }
}

void SchemaNormalizer::mergeUnion(const Located &list, NormalizedSchema *out)
{
    if (!checkList(list, QStringLiteral("oneOf/anyOf")))
        return;
    QHash<QString, qsizetype> index = propertyIndex(*out);
    QStringList types;
    QStringList enums;
    bool allEnums = true;
    QString format;
    const qsizetype count = list.value.toArray().size();
    for (int i = 0; i < count; ++i) {
        const SchemaPtr alt = normalize(list.element(i));
        if (alt->type == u"null") {
            out->nullable = true;
            continue;
        }
        out->nullable = out->nullable || alt->nullable;
        if (!alt->type.isEmpty() && !types.contains(alt->type))
            types.append(alt->type);
        // Alternatives are options: their fields exist but none is required.
        for (const NamedSchema &p : alt->properties)
            addProperty(out, &index, p);
        out->declaresProperties = out->declaresProperties || alt->declaresProperties;
        if (!out->items.isDefined())
            out->items = alt->items;
        if (format.isEmpty())
            format = alt->format;
        if (alt->enumValues.isEmpty())
            allEnums = false;
        for (const QString &e : alt->enumValues) {
            if (!enums.contains(e))
                enums.append(e);
        }
    }
    if (out->type.isEmpty()) {
        if (types.size() == 1)
            out->type = types.first();
        else if (types.contains(u"object") && out->hasProperties())
            out->type = QStringLiteral("object");
        else if (!types.isEmpty())
            out->type = types.first();
    }
    for (const QString &t : std::as_const(types)) {
        if (t != u"object" && t != u"array" && out->scalarAlternative.isEmpty())
            out->scalarAlternative = t;
    }
    if (out->format.isEmpty() && types.size() <= 1)
        out->format = format;
    if (out->enumValues.isEmpty() && allEnums)
        out->enumValues = enums;
}

} // namespace m1
