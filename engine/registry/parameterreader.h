#pragma once

// Reads OpenAPI Parameter Objects. Path-level and operation-level lists are merged the way
// the spec says: an operation's parameter replaces the path's one with the same name and
// location; Swagger 2.0 has at most one body parameter, and the operation's wins.

#include "registry/errorcollector.h"
#include "registry/refresolver.h"
#include "registry/schemanormalizer.h"
#include "registry/tooldefinition.h"

#include <optional>

namespace m1 {

class ParameterReader
{
public:
    ParameterReader(RefResolver &resolver, SchemaNormalizer &normalizer, ErrorCollector &errors,
                    int specMajorVersion);

    // The dereferenced parameter objects of both levels (either may be undefined), merged.
    QList<Located> merged(const Located &pathLevel, const Located &operationLevel);

    // One non-body parameter (2.0 formData becomes a Body field); nullopt after an error.
    std::optional<ToolParameter> read(const Located &parameter);

    static QString inOf(const Located &parameter);

private:
    void describeSwagger2(const Located &parameter, ToolParameter *out);
    void describeOpenApi3(const Located &parameter, ToolParameter *out);

    RefResolver &m_resolver;
    SchemaNormalizer &m_normalizer;
    ErrorCollector &m_errors;
    int m_version;
};

} // namespace m1
