#include "registry/sourceclassifier.h"

#include "registry/jsonshape.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace m1 {

SourceClassifier::Result SourceClassifier::classify(const QByteArray &raw) const
{
    const QByteArray bytes = DocumentReader::withoutBom(raw);
    if (bytes.trimmed().isEmpty())
        return Result { Kind::Invalid, {}, QStringLiteral("the file is empty") };
    const DocumentReader::Result read = m_reader.read(bytes);
    if (read.ok()) {
        Result result = ofValue(read.value);
        if (result.kind == Kind::Invalid && firstLineIsJsonObject(bytes)
            && read.value.toObject().contains(QLatin1String("id")))
            result = Result { Kind::JsonLines, {}, {} }; // a one-line catalog
        return result;
    }
    // Several JSON objects, one per line, are not one JSON document.
    if (DocumentReader::looksLikeJson(bytes) && firstLineIsJsonObject(bytes))
        return Result { Kind::JsonLines, {}, {} };
    return Result { Kind::Invalid,
                    {},
                    read.error
                        + QStringLiteral(" (expected an OpenAPI/Swagger document in JSON or "
                                         "YAML, or a tool catalog)") };
}

SourceClassifier::Result SourceClassifier::ofValue(const QJsonValue &value)
{
    if (!value.isObject()) {
        return Result { Kind::Invalid,
                        {},
                        QStringLiteral(
                            "not an OpenAPI document or tool catalog: the file reads as ")
                            + JsonShape::describe(value)
                            + QStringLiteral(", expected a JSON or YAML object at the top") };
    }
    const QJsonObject object = value.toObject();
    if (object.contains(QLatin1String("openapi")) || object.contains(QLatin1String("swagger")))
        return Result { Kind::OpenApi, value, {} };
    if (object.value(QLatin1String("tools")).isArray()
        || object.value(QLatin1String("result")).toObject().value(QLatin1String("tools")).isArray())
        return Result { Kind::McpTools, value, {} };
    return Result { Kind::Invalid,
                    {},
                    QStringLiteral("not an OpenAPI document: it has no 'openapi' or 'swagger' key "
                                   "(nor the 'tools' list of an MCP tools/list result)") };
}

bool SourceClassifier::firstLineIsJsonObject(const QByteArray &bytes)
{
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArray line = bytes.mid(start, end - start).trimmed();
        start = end + 1;
        if (line.isEmpty())
            continue;
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        return error.error == QJsonParseError::NoError && document.isObject();
    }
    return false;
}

} // namespace m1
