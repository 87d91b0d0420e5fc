#include "registry/requestbodyreader.h"

#include "registry/jsonshape.h"
#include "registry/mediatypes.h"
#include "registry/parameterreader.h"

namespace m1 {

RequestBodyReader::RequestBodyReader(RefResolver &resolver, SchemaFlattener &flattener,
                                     ErrorCollector &errors)
    : m_resolver(resolver)
    , m_flattener(flattener)
    , m_errors(errors)
{
}

RequestBodyReader::Body RequestBodyReader::openApi3(const Located &requestBody)
{
    Body body;
    const std::optional<Located> resolved = m_resolver.deref(requestBody);
    if (!resolved)
        return body;
    if (!resolved->value.isObject()) {
        m_errors.error(
            resolved->document, resolved->pointer,
            JsonShape::expected(QStringLiteral("a request body object"), resolved->value));
        return body;
    }
    const QJsonObject object = resolved->value.toObject();
    const bool required = object.value(QLatin1String("required")).toBool();
    const Located content = resolved->member(QStringLiteral("content"));
    if (!content.value.isObject()) {
        m_errors.error(content.document, content.pointer,
                       JsonShape::expected(QStringLiteral("an object mapping media types to "
                                                          "schemas"),
                                           content.value));
        return body;
    }
    body.contentType = MediaTypes::preferred(content.value.toObject().keys());
    if (body.contentType.isEmpty())
        return body;
    const Located schema = content.member(body.contentType).member(QStringLiteral("schema"));
    if (!schema.isDefined()) {
        // Raw uploads (image/*, octet-stream) often come without a schema: one opaque field.
        ToolParameter raw;
        raw.name = QStringLiteral("body");
        raw.location = ParamLocation::Body;
        raw.required = required;
        raw.type = QStringLiteral("string");
        raw.format = QStringLiteral("binary");
        raw.description = object.value(QLatin1String("description")).toString();
        body.fields.append(raw);
        return body;
    }
    body.fields = m_flattener.bodyFields(schema, required, QStringLiteral("body"));
    if (body.fields.size() == 1 && body.fields.first().description.isEmpty())
        body.fields.first().description = object.value(QLatin1String("description")).toString();
    return body;
}

RequestBodyReader::Body RequestBodyReader::swagger2(const QList<Located> &bodyOrFormParameters,
                                                    ParameterReader &parameters,
                                                    const QStringList &consumes)
{
    Body body;
    bool form = false;
    bool file = false;
    for (const Located &parameter : bodyOrFormParameters) {
        const QJsonObject object = parameter.value.toObject();
        if (ParameterReader::inOf(parameter) == u"body") {
            const Located schema = parameter.member(QStringLiteral("schema"));
            if (!schema.isDefined()) {
                m_errors.error(parameter.document, parameter.pointer,
                               QStringLiteral("a body parameter needs a 'schema'"));
                continue;
            }
            const bool required = object.value(QLatin1String("required")).toBool();
            const QString name = object.value(QLatin1String("name")).toString();
            body.fields += m_flattener.bodyFields(schema, required, name);
            continue;
        }
        form = true;
        file = file || object.value(QLatin1String("type")).toString() == u"file";
        if (std::optional<ToolParameter> field = parameters.read(parameter))
            body.fields.append(*field);
    }
    if (bodyOrFormParameters.isEmpty())
        return body;
    if (form) {
        const bool multipart = file || consumes.contains(u"multipart/form-data");
        body.contentType = multipart ? QStringLiteral("multipart/form-data")
                                     : QStringLiteral("application/x-www-form-urlencoded");
    } else {
        body.contentType = consumes.isEmpty() ? QStringLiteral("application/json")
                                              : MediaTypes::preferred(consumes);
    }
    return body;
}

} // namespace m1
