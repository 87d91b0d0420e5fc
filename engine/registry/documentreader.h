#pragma once

// Bytes of a JSON or YAML file to a QJsonValue. Text that starts with '{' or '[' is read as
// JSON (so a broken JSON file gets a JSON error, not a confusing YAML one); anything else as
// YAML. Errors carry the line and column.

#include "registry/yamltojson.h"

#include <QByteArray>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>

namespace m1 {

class DocumentReader
{
public:
    struct Result
    {
        QJsonValue value;
        QString error; // "JSON syntax error at line 4, column 12: unterminated string"

        bool ok() const { return error.isEmpty(); }
    };

    explicit DocumentReader(YamlToJson::Limits yamlLimits = {})
        : m_yamlLimits(yamlLimits)
    {
    }

    Result read(const QByteArray &bytes) const;

    static bool looksLikeJson(const QByteArray &bytes);
    // Skips a UTF-8 byte order mark.
    static QByteArray withoutBom(const QByteArray &bytes);
    // 1-based line and column of a byte offset.
    static void lineAndColumn(const QByteArray &bytes, qsizetype offset, int *line, int *column);
    static QString jsonError(const QByteArray &bytes, const QJsonParseError &error);

private:
    YamlToJson::Limits m_yamlLimits;
};

} // namespace m1
