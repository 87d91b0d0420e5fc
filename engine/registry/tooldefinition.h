#pragma once

// A tool: one operation of a backend API (or one entry of a tool catalog), flattened into
// what search, planning and execution need. Plain value type; cheap to copy between threads.

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace m1 {

enum class ParamLocation { Path, Query, Header, Cookie, Body };

QString paramLocationName(ParamLocation location);
// Returns false when the name is not one of path/query/header/cookie/body.
bool paramLocationFromName(const QString &name, ParamLocation *location);

struct ToolParameter
{
    QString name;            // for body fields: dotted path inside the JSON body ("driver.id")
    ParamLocation location = ParamLocation::Query;
    bool required = false;
    QString type;            // JSON Schema type: string, integer, number, boolean, array, object
    QString format;          // date, date-time, int64, uuid, ...
    QStringList enumValues;
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined); // Undefined when the spec gives none
    QString description;
    bool nullable = false;

    bool operator==(const ToolParameter &) const = default;
};

struct ToolDefinition
{
    QString id;           // stable and unique across sources
    QString operationId;  // as written in the spec; empty when it had none
    QString method;       // upper case: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE
    QString path;         // /vehicles/{vehicleId}
    QString baseUrl;      // first server URL, resolved against the source
    QString summary;
    QString description;
    QStringList tags;
    QString category;     // first tag, or the first path segment when untagged
    QList<ToolParameter> parameters;
    QString requestContentType; // empty when there is no request body
    QStringList outputKeys;     // field names of the 2xx response, nested ones dotted
    bool deprecated = false;
    QString source;             // file path, URL or catalog the tool came from
    QString embeddingText;      // built once at load: what the embedder and lexical index see
    // The 2xx response's JSON Schema with $refs inlined (bounded depth, cycles cut), and an
    // example body when the spec gives one; the sandbox executor answers from these.
    QJsonObject responseSchema;
    QJsonValue responseExample;

    bool isReadOnly() const { return method == u"GET" || method == u"HEAD" || method == u"OPTIONS"; }
    const ToolParameter *parameter(const QString &name) const;
    QList<const ToolParameter *> requiredParameters() const;

    bool operator==(const ToolDefinition &) const = default;
};

} // namespace m1
