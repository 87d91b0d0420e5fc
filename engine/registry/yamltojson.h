#pragma once

// YAML text to a QJsonValue, read through yaml-cpp's event parser (no node tree, so a 4 MB
// spec converts in one pass). Mapping keys all become strings (docker's spec has unquoted
// integer response codes); plain scalars are typed the YAML 1.2 core way (true/false, null,
// integers, floats), quoted ones stay strings. Aliases are shared, not copied, and counted
// towards a node limit so an alias bomb fails fast instead of blowing up later readers.

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace m1 {

class YamlToJson
{
public:
    struct Limits
    {
        int maxDepth = 200; // nested collections
        qint64 maxNodes = 20'000'000; // nodes counted with every alias expanded
    };

    struct Result
    {
        QJsonValue value; // Undefined on error; Null for an empty document
        QString error; // "line 3, column 7: ..." when the text is not YAML or breaks a limit
        int line = 0; // 1-based, 0 when unknown
        int column = 0;

        bool ok() const { return error.isEmpty(); }
    };

    static Result convert(const QByteArray &yaml, Limits limits);
    static Result convert(const QByteArray &yaml) { return convert(yaml, Limits {}); }

    // How a plain (unquoted) scalar reads under the YAML 1.2 core schema.
    static QJsonValue plainScalar(const QString &text);
};

} // namespace m1
