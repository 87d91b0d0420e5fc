#pragma once

// Turns schema objects into NormalizedSchema: follows `$ref`, merges `allOf` (properties and
// required lists), folds `oneOf`/`anyOf` into an optional union (their fields are never
// required), reads 3.1 type arrays (["string","null"] -> string, nullable) and `nullable` /
// `x-nullable`. Results are cached per location, and an allOf that reaches itself is cut.

#include "registry/errorcollector.h"
#include "registry/normalizedschema.h"
#include "registry/refresolver.h"

#include <QHash>
#include <QSet>

namespace m1 {

class SchemaNormalizer
{
public:
    SchemaNormalizer(RefResolver &resolver, ErrorCollector &errors);

    // Never null: broken input yields an empty schema and an error at its location.
    SchemaPtr normalize(const Located &schema);

private:
    SchemaPtr build(const Located &schema);
    void readOwn(const Located &schema, NormalizedSchema *out);
    void readType(const Located &type, NormalizedSchema *out);
    void readProperties(const Located &schema, NormalizedSchema *out);
    void mergeAllOf(const Located &list, NormalizedSchema *out);
    void mergeUnion(const Located &list, NormalizedSchema *out);
    bool checkList(const Located &list, const QString &what);

    RefResolver &m_resolver;
    ErrorCollector &m_errors;
    QHash<QString, SchemaPtr> m_cache;
    QSet<QString> m_inProgress;
    SchemaPtr m_empty;
};

} // namespace m1
