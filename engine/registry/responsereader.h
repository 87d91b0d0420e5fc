#pragma once

// The success response of an operation: its output keys (field names, nested ones dotted),
// its schema written out for the sandbox executor, and an example body when the spec gives
// one. The response used is the first of 200, 201, other 2xx codes, 2XX that has a schema;
// `default` only stands for success when no 2xx response is declared at all.

#include "registry/errorcollector.h"
#include "registry/refresolver.h"
#include "registry/schemaflattener.h"
#include "registry/schemainliner.h"

namespace m1 {

class ResponseReader
{
public:
    struct Success
    {
        QStringList outputKeys;
        QJsonObject schema; // empty when no success response has a schema
        QJsonValue example = QJsonValue(QJsonValue::Undefined); // when the spec gives none
    };

    ResponseReader(RefResolver &resolver, SchemaFlattener &flattener, SchemaInliner &inliner,
                   ErrorCollector &errors, int specMajorVersion);

    Success read(const Located &responses);

    // Response codes in the order they are tried.
    static QStringList successCodes(const QStringList &declared);

private:
    struct Body
    {
        Located schema;
        QJsonValue example = QJsonValue(QJsonValue::Undefined);
    };
    Body bodyOf(const Located &response);
    QJsonValue firstExample(const Located &examples);

    RefResolver &m_resolver;
    SchemaFlattener &m_flattener;
    SchemaInliner &m_inliner;
    ErrorCollector &m_errors;
    int m_version;
};

} // namespace m1
