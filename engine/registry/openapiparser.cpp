#include "registry/openapiparser.h"

#include "registry/jsonshape.h"
#include "registry/parameterreader.h"
#include "registry/requestbodyreader.h"
#include "registry/responsereader.h"
#include "registry/serverurlresolver.h"

namespace m1 {

namespace {
// The order the spec lists them in, so tools of one path come out in a familiar order.
const char *const kMethods[]
    = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

// "/v1/charges" and "/2.0/repositories" are about charges and repositories, not versions.
bool isVersion(QStringView segment)
{
    if (segment.startsWith(u'v') || segment.startsWith(u'V'))
        segment = segment.mid(1);
    if (segment.isEmpty() || !segment.front().isDigit())
        return false;
    for (QChar c : segment) {
        if (!c.isDigit() && c != u'.')
            return false;
    }
    return true;
}
} // namespace

struct OpenApiParser::Scope
{
    int version;
    Located root;
    QString source;
    ParameterReader parameters;
    RequestBodyReader bodies;
    ResponseReader responses;
    ServerUrlResolver servers;
    QStringList consumes; // 2.0 document-level default
    QString swagger2BaseUrl;
};

OpenApiParser::OpenApiParser(RefResolver &resolver, SchemaNormalizer &normalizer,
                             SchemaFlattener &flattener, SchemaInliner &inliner,
                             ErrorCollector &errors)
    : m_resolver(resolver)
    , m_normalizer(normalizer)
    , m_flattener(flattener)
    , m_inliner(inliner)
    , m_errors(errors)
{
}

int OpenApiParser::majorVersion(const QJsonObject &root, QString *why)
{
    const QJsonValue swagger = root.value(QLatin1String("swagger"));
    const QJsonValue openapi = root.value(QLatin1String("openapi"));
    if (swagger.isString() && swagger.toString().startsWith(u"2."))
        return 2;
    if (swagger.isDouble() && int(swagger.toDouble()) == 2) // YAML `swagger: 2.0` unquoted
        return 2;
    if (openapi.isString() && openapi.toString().startsWith(u"3."))
        return 3;
    if (!swagger.isUndefined() || !openapi.isUndefined()) {
        const QJsonValue given = swagger.isUndefined() ? openapi : swagger;
        *why = QStringLiteral("unsupported version %1; expected swagger \"2.0\" or openapi "
                              "\"3.0.x\"/\"3.1.x\"")
                   .arg(given.isString() ? u'"' + given.toString() + u'"'
                                         : JsonShape::describe(given));
    } else {
        *why = QStringLiteral("not an OpenAPI document: it has no 'openapi' or 'swagger' key");
    }
    return 0;
}

QList<ParsedTool> OpenApiParser::parse(const Located &root, const QString &sourceLocation)
{
    QList<ParsedTool> out;
    const QJsonObject object = root.value.toObject();
    QString why;
    const int version = majorVersion(object, &why);
    if (version == 0) {
        m_errors.error(root.document, QString(), why);
        return out;
    }
    Scope scope { version,
                  root,
                  sourceLocation,
                  ParameterReader(m_resolver, m_normalizer, m_errors, version),
                  RequestBodyReader(m_resolver, m_flattener, m_errors),
                  ResponseReader(m_resolver, m_flattener, m_inliner, m_errors, version),
                  ServerUrlResolver(m_errors, sourceLocation),
                  {},
                  {} };
    if (version == 2) {
        const QJsonArray consumes = object.value(QLatin1String("consumes")).toArray();
        for (const QJsonValue &c : consumes)
            scope.consumes.append(c.toString());
        scope.swagger2BaseUrl = scope.servers.swagger2(root);
    }

    const Located paths = root.member(QStringLiteral("paths"));
    if (!paths.isDefined()) {
        // 3.1 documents may describe only webhooks or components.
        if (!object.value(QLatin1String("openapi")).toString().startsWith(u"3.1"))
            m_errors.error(root.document, QString(),
                           QStringLiteral("expected a 'paths' object, found none"));
        return out;
    }
    if (!paths.value.isObject()) {
        m_errors.error(paths.document, paths.pointer,
                       JsonShape::expected(QStringLiteral("an object mapping paths to path items"),
                                           paths.value));
        return out;
    }
    const QJsonObject pathMap = paths.value.toObject();
    for (auto it = pathMap.constBegin(); it != pathMap.constEnd(); ++it) {
        if (it.key().startsWith(u"x-"))
            continue;
        readPathItem(scope, paths.member(it.key()), it.key(), &out);
    }
    return out;
}

void OpenApiParser::readPathItem(Scope &scope, const Located &item, const QString &path,
                                 QList<ParsedTool> *out)
{
    const std::optional<Located> resolved = m_resolver.deref(item);
    if (!resolved)
        return;
    if (!resolved->value.isObject()) {
        m_errors.error(resolved->document, resolved->pointer,
                       JsonShape::expected(QStringLiteral("a path item object"), resolved->value));
        return;
    }
    if (!path.startsWith(u'/'))
        m_errors.warning(item.document, item.pointer,
                         QStringLiteral("path '%1' does not start with '/'").arg(path));
    const QJsonObject object = resolved->value.toObject();
    for (const char *name : kMethods) {
        const QString method = QLatin1String(name);
        if (!object.contains(method))
            continue;
        const Located operation = resolved->member(method);
        if (!operation.value.isObject()) {
            m_errors.error(
                operation.document, operation.pointer,
                JsonShape::expected(QStringLiteral("an operation object"), operation.value));
            continue;
        }
        if (std::optional<ToolDefinition> tool
            = readOperation(scope, operation, *resolved, method, path)) {
            out->append(ParsedTool { std::move(*tool), operation.document, operation.pointer });
        }
    }
}

std::optional<ToolDefinition> OpenApiParser::readOperation(Scope &scope, const Located &operation,
                                                           const Located &pathItem,
                                                           const QString &method,
                                                           const QString &path)
{
    const QJsonObject object = operation.value.toObject();
    ToolDefinition tool;
    tool.method = method.toUpper();
    tool.path = path;
    tool.source = scope.source;
    const QJsonValue operationId = object.value(QLatin1String("operationId"));
    if (operationId.isString()) {
        tool.operationId = operationId.toString().trimmed();
    } else if (!operationId.isUndefined()) {
        const Located at = operation.member(QStringLiteral("operationId"));
        m_errors.error(at.document, at.pointer,
                       JsonShape::expected(QStringLiteral("a string"), operationId)
                           + QStringLiteral("; an id is generated instead"));
    }
    const QJsonObject pathObject = pathItem.value.toObject();
    tool.summary = object.value(QLatin1String("summary")).toString();
    if (tool.summary.isEmpty())
        tool.summary = pathObject.value(QLatin1String("summary")).toString();
    tool.description = object.value(QLatin1String("description")).toString();
    if (tool.description.isEmpty())
        tool.description = pathObject.value(QLatin1String("description")).toString();
    tool.tags = readTags(operation);
    tool.category = tool.tags.isEmpty() ? categoryFromPath(path) : tool.tags.first();
    tool.deprecated = object.value(QLatin1String("deprecated")).toBool();
    tool.id = tool.operationId;
    tool.responseExample = QJsonValue(QJsonValue::Undefined);

    if (scope.version == 2) {
        tool.baseUrl = scope.swagger2BaseUrl;
    } else {
        tool.baseUrl = scope.servers.openApi3({ operation.member(QStringLiteral("servers")),
                                                pathItem.member(QStringLiteral("servers")),
                                                scope.root.member(QStringLiteral("servers")) });
    }
    readParameters(scope, operation, pathItem, &tool);
    ResponseReader::Success success
        = scope.responses.read(operation.member(QStringLiteral("responses")));
    tool.outputKeys = std::move(success.outputKeys);
    tool.responseSchema = std::move(success.schema);
    tool.responseExample = std::move(success.example);
    return tool;
}

void OpenApiParser::readParameters(Scope &scope, const Located &operation, const Located &pathItem,
                                   ToolDefinition *tool)
{
    const QList<Located> merged
        = scope.parameters.merged(pathItem.member(QStringLiteral("parameters")),
                                  operation.member(QStringLiteral("parameters")));
    QList<Located> bodyOrForm;
    for (const Located &parameter : merged) {
        const QString in = ParameterReader::inOf(parameter);
        if (scope.version == 2 && (in == u"body" || in == u"formData")) {
            bodyOrForm.append(parameter);
            continue;
        }
        if (std::optional<ToolParameter> p = scope.parameters.read(parameter))
            tool->parameters.append(std::move(*p));
    }

    RequestBodyReader::Body body;
    if (scope.version == 2) {
        QStringList consumes = scope.consumes;
        const QJsonValue own = operation.value.toObject().value(QLatin1String("consumes"));
        if (own.isArray()) {
            consumes.clear();
            for (const QJsonValue &c : own.toArray())
                consumes.append(c.toString());
        }
        body = scope.bodies.swagger2(bodyOrForm, scope.parameters, consumes);
    } else if (operation.value.toObject().contains(QLatin1String("requestBody"))) {
        body = scope.bodies.openApi3(operation.member(QStringLiteral("requestBody")));
    }
    // Stripe declares an empty form body on all its GETs and DELETEs: nothing to send there, so
    // no content type. A POST with an empty body still posts one.
    const bool sendsBody
        = !body.fields.isEmpty() || (!tool->isReadOnly() && tool->method != u"DELETE");
    if (sendsBody)
        tool->requestContentType = body.contentType;
    tool->parameters += body.fields;
}

QStringList OpenApiParser::readTags(const Located &operation)
{
    QStringList tags;
    const Located at = operation.member(QStringLiteral("tags"));
    if (!at.isDefined())
        return tags;
    if (!at.value.isArray()) {
        m_errors.error(at.document, at.pointer,
                       JsonShape::expected(QStringLiteral("an array of tag names"), at.value));
        return tags;
    }
    const QJsonArray list = at.value.toArray();
    for (const QJsonValue &tag : list) {
        if (tag.isString() && !tag.toString().isEmpty())
            tags.append(tag.toString());
    }
    return tags;
}

QString OpenApiParser::categoryFromPath(const QString &path)
{
    const QList<QStringView> segments = QStringView(path).split(u'/', Qt::SkipEmptyParts);
    for (QStringView segment : segments) {
        if (segment.startsWith(u'{'))
            continue;
        if (isVersion(segment))
            continue;
        return segment.toString();
    }
    return QString();
}

} // namespace m1
