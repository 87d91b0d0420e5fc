#include "registry/catalogimporter.h"

#include "registry/documentreader.h"
#include "registry/jsonshape.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace m1 {

namespace {

QString catalogName(const QString &sourceLocation)
{
    const QString base = QFileInfo(sourceLocation).completeBaseName();
    return base.isEmpty() ? QStringLiteral("catalog") : base;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        if (v.isString() && !v.toString().isEmpty())
            out.append(v.toString());
    }
    return out;
}

// `{"type": "object"}` is how MCP tools say "no arguments".
bool hasFields(const QJsonObject &schema)
{
    for (const char *key : { "properties", "$ref", "allOf", "anyOf", "oneOf" }) {
        if (schema.contains(QLatin1String(key)))
            return true;
    }
    return false;
}

} // namespace

CatalogImporter::CatalogImporter(SchemaFlattener &flattener, SchemaInliner &inliner,
                                 ErrorCollector &errors)
    : m_flattener(flattener)
    , m_inliner(inliner)
    , m_errors(errors)
{
}

QList<ParsedTool> CatalogImporter::mcpTools(const Located &root, const QString &sourceLocation)
{
    QList<ParsedTool> out;
    Located tools = root.member(QStringLiteral("tools"));
    if (!tools.value.isArray())
        tools = root.member(QStringLiteral("result")).member(QStringLiteral("tools"));
    const qsizetype count = tools.value.toArray().size();
    for (int i = 0; i < count; ++i) {
        const Located entry = tools.element(i);
        if (std::optional<ToolDefinition> tool = mcpTool(entry, sourceLocation))
            out.append(ParsedTool { std::move(*tool), entry.document, entry.pointer });
    }
    return out;
}

std::optional<ToolDefinition> CatalogImporter::mcpTool(const Located &entry,
                                                       const QString &sourceLocation)
{
    const QJsonObject object = entry.value.toObject();
    const QJsonValue name = object.value(QLatin1String("name"));
    if (!entry.value.isObject() || !name.isString() || name.toString().isEmpty()) {
        m_errors.error(entry.document, entry.pointer,
                       entry.value.isObject()
                           ? JsonShape::expected(QStringLiteral("a tool 'name' string"), name)
                           : JsonShape::expected(QStringLiteral("a tool object"), entry.value));
        return std::nullopt;
    }
    ToolDefinition tool;
    tool.id = name.toString();
    tool.operationId = tool.id;
    tool.summary = object.value(QLatin1String("title")).toString();
    tool.description = object.value(QLatin1String("description")).toString();
    tool.category = catalogName(sourceLocation);
    tool.source = sourceLocation;
    tool.responseExample = QJsonValue(QJsonValue::Undefined);
    const Located input = entry.member(QStringLiteral("inputSchema"));
    if (input.isDefined()) {
        if (!input.value.isObject()) {
            m_errors.error(
                input.document, input.pointer,
                JsonShape::expected(QStringLiteral("a JSON Schema object"), input.value));
        } else if (hasFields(input.value.toObject())) {
            // The arguments object itself is always sent, so its `required` list counts.
            tool.parameters = m_flattener.bodyFields(input, true, QStringLiteral("arguments"));
            if (!tool.parameters.isEmpty())
                tool.requestContentType = QStringLiteral("application/json");
        }
    }
    const Located output = entry.member(QStringLiteral("outputSchema"));
    if (output.value.isObject()) {
        tool.outputKeys = m_flattener.outputKeys(output);
        tool.responseSchema = m_inliner.inlined(output);
    }
    return tool;
}

QList<ParsedTool> CatalogImporter::jsonLines(const QByteArray &raw, const QString &documentKey,
                                             const QString &sourceLocation)
{
    QList<ParsedTool> out;
    const QByteArray bytes = DocumentReader::withoutBom(raw);
    qsizetype start = 0;
    int lineNumber = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArray line = bytes.mid(start, end - start).trimmed();
        start = end + 1;
        ++lineNumber;
        if (line.isEmpty())
            continue;
        if (std::optional<ToolDefinition> tool
            = catalogLine(line, lineNumber, documentKey, sourceLocation)) {
            out.append(ParsedTool { std::move(*tool), documentKey, QString() });
        }
    }
    return out;
}

std::optional<ToolDefinition> CatalogImporter::catalogLine(const QByteArray &line, int lineNumber,
                                                           const QString &documentKey,
                                                           const QString &sourceLocation)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError) {
        m_errors.error(documentKey, QString(),
                       QStringLiteral("line %1, column %2: JSON syntax error: %3; the line is "
                                      "skipped")
                           .arg(lineNumber)
                           .arg(error.offset + 1)
                           .arg(error.errorString()));
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    QString id = object.value(QLatin1String("id")).toString();
    if (id.isEmpty())
        id = object.value(QLatin1String("name")).toString();
    if (!document.isObject() || id.isEmpty()) {
        m_errors.error(documentKey, QString(),
                       QStringLiteral("line %1: expected an object with a string 'id' (or "
                                      "'name'); the line is skipped")
                           .arg(lineNumber));
        return std::nullopt;
    }
    ToolDefinition tool;
    tool.id = id;
    tool.operationId = id;
    tool.summary = object.value(QLatin1String("name")).toString();
    if (tool.summary.isEmpty())
        tool.summary = object.value(QLatin1String("summary")).toString();
    tool.description = object.value(QLatin1String("description")).toString();
    tool.method = object.value(QLatin1String("method")).toString().toUpper();
    tool.path = object.value(QLatin1String("path")).toString();
    tool.tags = stringList(object.value(QLatin1String("tags")));
    tool.category = object.value(QLatin1String("category")).toString();
    if (tool.category.isEmpty())
        tool.category = tool.tags.isEmpty() ? catalogName(sourceLocation) : tool.tags.first();
    tool.outputKeys = stringList(object.value(QLatin1String("outputs")));
    tool.source = sourceLocation;
    tool.responseExample = QJsonValue(QJsonValue::Undefined);
    return tool;
}

} // namespace m1
