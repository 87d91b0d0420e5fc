#include "registry/responsereader.h"

#include "registry/jsonshape.h"
#include "registry/mediatypes.h"

namespace m1 {

ResponseReader::ResponseReader(RefResolver &resolver, SchemaFlattener &flattener,
                               SchemaInliner &inliner, ErrorCollector &errors, int specMajorVersion)
    : m_resolver(resolver)
    , m_flattener(flattener)
    , m_inliner(inliner)
    , m_errors(errors)
    , m_version(specMajorVersion)
{
}

QStringList ResponseReader::successCodes(const QStringList &declared)
{
    QStringList codes;
    for (const char *preferred : { "200", "201" }) {
        const QString code = QLatin1String(preferred);
        if (declared.contains(code))
            codes.append(code);
    }
    QStringList others;
    for (const QString &code : declared) {
        if (code.size() == 3 && code.startsWith(u'2') && code.at(1).isDigit()
            && code.at(2).isDigit() && !codes.contains(code)) {
            others.append(code);
        }
    }
    others.sort();
    codes += others;
    for (const QString &code : declared) {
        if (code.compare(u"2XX", Qt::CaseInsensitive) == 0)
            codes.append(code);
    }
    if (codes.isEmpty() && declared.contains(u"default"))
        codes.append(QStringLiteral("default"));
    return codes;
}

ResponseReader::Success ResponseReader::read(const Located &responses)
{
    Success success;
    if (!responses.isDefined())
        return success;
    if (!responses.value.isObject()) {
        m_errors.error(responses.document, responses.pointer,
                       JsonShape::expected(QStringLiteral("an object mapping status codes to "
                                                          "responses"),
                                           responses.value));
        return success;
    }
    const QStringList codes = successCodes(responses.value.toObject().keys());
    for (const QString &code : codes) {
        const std::optional<Located> response = m_resolver.deref(responses.member(code));
        if (!response)
            continue;
        if (!response->value.isObject()) {
            m_errors.error(
                response->document, response->pointer,
                JsonShape::expected(QStringLiteral("a response object"), response->value));
            continue;
        }
        const Body body = bodyOf(*response);
        if (success.example.isUndefined())
            success.example = body.example;
        if (!body.schema.isDefined())
            continue;
        success.outputKeys = m_flattener.outputKeys(body.schema);
        success.schema = m_inliner.inlined(body.schema);
        if (success.example.isUndefined())
            success.example = success.schema.value(QLatin1String("example"));
        break;
    }
    return success;
}

ResponseReader::Body ResponseReader::bodyOf(const Located &response)
{
    Body body;
    if (m_version == 2) {
        body.schema = response.member(QStringLiteral("schema"));
        const QJsonObject examples
            = response.value.toObject().value(QLatin1String("examples")).toObject();
        if (!examples.isEmpty())
            body.example = examples.value(MediaTypes::preferred(examples.keys()));
        return body;
    }
    const Located content = response.member(QStringLiteral("content"));
    if (!content.isDefined())
        return body;
    if (!content.value.isObject()) {
        m_errors.error(content.document, content.pointer,
                       JsonShape::expected(QStringLiteral("an object mapping media types to "
                                                          "schemas"),
                                           content.value));
        return body;
    }
    const QString mediaType = MediaTypes::preferred(content.value.toObject().keys());
    if (mediaType.isEmpty())
        return body;
    const Located media = content.member(mediaType);
    body.schema = media.member(QStringLiteral("schema"));
    body.example = media.value.toObject().value(QLatin1String("example"));
    if (body.example.isUndefined())
        body.example = firstExample(media.member(QStringLiteral("examples")));
    return body;
}

QJsonValue ResponseReader::firstExample(const Located &examples)
{
    const QJsonObject map = examples.value.toObject();
    if (map.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    // Example Objects may be references; their `value` is data and is never dereferenced.
    const std::optional<Located> example
        = m_resolver.deref(examples.member(map.constBegin().key()));
    if (!example)
        return QJsonValue(QJsonValue::Undefined);
    return example->value.toObject().value(QLatin1String("value"));
}

} // namespace m1
