#include "registry/documentreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace m1 {

QByteArray DocumentReader::withoutBom(const QByteArray &bytes)
{
    return bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
}

bool DocumentReader::looksLikeJson(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

void DocumentReader::lineAndColumn(const QByteArray &bytes, qsizetype offset, int *line,
                                   int *column)
{
    offset = qBound<qsizetype>(0, offset, bytes.size());
    int l = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes[i] == '\n') {
            ++l;
            lineStart = i + 1;
        }
    }
    *line = l;
    *column = int(offset - lineStart) + 1;
}

QString DocumentReader::jsonError(const QByteArray &bytes, const QJsonParseError &error)
{
    int line = 0;
    int column = 0;
    lineAndColumn(bytes, error.offset, &line, &column);
    return QStringLiteral("JSON syntax error at line %1, column %2: %3")
        .arg(line)
        .arg(column)
        .arg(error.errorString());
}

DocumentReader::Result DocumentReader::read(const QByteArray &raw) const
{
    const QByteArray bytes = withoutBom(raw);
    Result result;
    if (looksLikeJson(bytes)) {
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        if (error.error != QJsonParseError::NoError) {
            result.error = jsonError(bytes, error);
            return result;
        }
        result.value
            = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        return result;
    }
    const YamlToJson::Result yaml = YamlToJson::convert(bytes, m_yamlLimits);
    if (!yaml.ok()) {
        result.error = QStringLiteral("YAML syntax error at ") + yaml.error;
        if (yaml.line == 0)
            result.error = QStringLiteral("YAML error: ") + yaml.error;
        return result;
    }
    result.value = yaml.value;
    return result;
}

} // namespace m1
