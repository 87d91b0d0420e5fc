#pragma once

// The request body of an operation as Body parameters plus the content type to send:
// 3.x `requestBody` (preferring application/json among its media types), 2.0 `in: body`
// (fields of its schema) and 2.0 `formData` parameters (one field each).

#include "registry/errorcollector.h"
#include "registry/refresolver.h"
#include "registry/schemaflattener.h"

namespace m1 {

class ParameterReader;

class RequestBodyReader
{
public:
    struct Body
    {
        QList<ToolParameter> fields;
        QString contentType; // empty when the operation takes no body
    };

    RequestBodyReader(RefResolver &resolver, SchemaFlattener &flattener, ErrorCollector &errors);

    Body openApi3(const Located &requestBody);
    // `consumes` is the operation's list, or the document's when the operation has none.
    Body swagger2(const QList<Located> &bodyOrFormParameters, ParameterReader &parameters,
                  const QStringList &consumes);

private:
    RefResolver &m_resolver;
    SchemaFlattener &m_flattener;
    ErrorCollector &m_errors;
};

} // namespace m1
