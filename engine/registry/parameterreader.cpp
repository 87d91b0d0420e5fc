#include "registry/parameterreader.h"

#include "registry/jsonshape.h"
#include "registry/mediatypes.h"
#include "registry/schemaflattener.h"

#include <QHash>

namespace m1 {

namespace {

QString enumText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString();
}

} // namespace

ParameterReader::ParameterReader(RefResolver &resolver, SchemaNormalizer &normalizer,
                                 ErrorCollector &errors, int specMajorVersion)
    : m_resolver(resolver)
    , m_normalizer(normalizer)
    , m_errors(errors)
    , m_version(specMajorVersion)
{
}

QString ParameterReader::inOf(const Located &parameter)
{
    return parameter.value.toObject().value(QLatin1String("in")).toString();
}

QList<Located> ParameterReader::merged(const Located &pathLevel, const Located &operationLevel)
{
    QList<Located> out;
    QHash<QString, qsizetype> index;
    for (const Located &level : { pathLevel, operationLevel }) {
        if (!level.isDefined())
            continue;
        if (!level.value.isArray()) {
            m_errors.error(
                level.document, level.pointer,
                JsonShape::expected(QStringLiteral("an array of parameters"), level.value));
            continue;
        }
        const qsizetype count = level.value.toArray().size();
        for (int i = 0; i < count; ++i) {
            const std::optional<Located> parameter = m_resolver.deref(level.element(i));
            if (!parameter)
                continue;
            const QJsonObject object = parameter->value.toObject();
            const QJsonValue name = object.value(QLatin1String("name"));
            const QJsonValue in = object.value(QLatin1String("in"));
            if (!parameter->value.isObject() || !name.isString() || !in.isString()) {
                m_errors.error(parameter->document, parameter->pointer,
                               parameter->value.isObject()
                                   ? QStringLiteral("a parameter needs string 'name' and 'in' "
                                                    "members; found name: %1, in: %2")
                                         .arg(JsonShape::describe(name), JsonShape::describe(in))
                                   : JsonShape::expected(QStringLiteral("a parameter object"),
                                                         parameter->value));
                continue;
            }
            const QString key = in.toString() == u"body" ? QStringLiteral("body\n")
                                                         : in.toString() + u'\n' + name.toString();
            const auto it = index.constFind(key);
            if (it != index.constEnd()) {
                out[*it] = *parameter;
            } else {
                index.insert(key, out.size());
                out.append(*parameter);
            }
        }
    }
    return out;
}

std::optional<ToolParameter> ParameterReader::read(const Located &parameter)
{
    const QJsonObject object = parameter.value.toObject();
    ToolParameter out;
    out.name = object.value(QLatin1String("name")).toString();
    const QString in = inOf(parameter);
    const bool formData = m_version == 2 && in == u"formData";
    if (formData) {
        out.location = ParamLocation::Body;
    } else if (in == u"body" || !paramLocationFromName(in, &out.location)) {
        const Located at = parameter.member(QStringLiteral("in"));
        m_errors.error(at.document, at.pointer,
                       QStringLiteral("expected 'in' to be one of %1, found '%2'")
                           .arg(m_version == 2
                                    ? QStringLiteral("path, query, header, formData, body")
                                    : QStringLiteral("path, query, header, cookie"),
                                in));
        return std::nullopt;
    }
    const QJsonValue required = object.value(QLatin1String("required"));
    if (!required.isUndefined() && !required.isBool()) {
        const Located at = parameter.member(QStringLiteral("required"));
        m_errors.error(at.document, at.pointer,
                       JsonShape::expected(QStringLiteral("true or false"), required));
    }
    // Path parameters are always required, whatever the spec forgot to say.
    out.required = out.location == ParamLocation::Path || required.toBool();
    out.description = object.value(QLatin1String("description")).toString();
    if (m_version == 2)
        describeSwagger2(parameter, &out);
    else
        describeOpenApi3(parameter, &out);
    return out;
}

void ParameterReader::describeSwagger2(const Located &parameter, ToolParameter *out)
{
    const QJsonObject object = parameter.value.toObject();
    const QJsonValue type = object.value(QLatin1String("type"));
    if (!type.isString()) {
        const Located at = parameter.member(QStringLiteral("type"));
        m_errors.error(at.document, at.pointer,
                       JsonShape::expected(QStringLiteral("a type name (string, number, integer, "
                                                          "boolean, array, file)"),
                                           type));
    }
    out->type = type.toString();
    out->format = object.value(QLatin1String("format")).toString();
    if (out->type == u"file") {
        out->type = QStringLiteral("string");
        out->format = QStringLiteral("binary");
    }
    const QJsonArray values = object.value(QLatin1String("enum")).toArray();
    for (const QJsonValue &v : values) {
        if (!v.isNull())
            out->enumValues.append(enumText(v));
    }
    out->defaultValue = object.value(QLatin1String("default"));
    out->nullable = object.value(QLatin1String("x-nullable")).toBool();
}

void ParameterReader::describeOpenApi3(const Located &parameter, ToolParameter *out)
{
    const QJsonObject object = parameter.value.toObject();
    Located schema = parameter.member(QStringLiteral("schema"));
    if (!schema.isDefined() && object.value(QLatin1String("content")).isObject()) {
        const Located content = parameter.member(QStringLiteral("content"));
        const QString mediaType = MediaTypes::preferred(content.value.toObject().keys());
        schema = content.member(mediaType).member(QStringLiteral("schema"));
    }
    if (!schema.isDefined())
        return; // a parameter without a schema is still a (string-ish) parameter
    SchemaFlattener::describe(*m_normalizer.normalize(schema), out);
}

} // namespace m1
