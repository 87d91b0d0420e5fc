#pragma once

// A schema with its $refs, allOf and unions worked out, written back as plain JSON Schema
// (type, format, enum, nullable, default, example, required, properties, items) so the
// sandbox executor can invent a realistic response without a resolver. Nesting stops at a
// depth bound and at recursion; identical subtrees are built once and shared.

#include "registry/schemanormalizer.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace m1 {

class SchemaInliner
{
public:
    SchemaInliner(SchemaNormalizer &normalizer, int maxDepth);

    QJsonObject inlined(const Located &schema);

private:
    QJsonObject build(const SchemaPtr &schema, int depth);

    SchemaNormalizer &m_normalizer;
    int m_maxDepth;
    QHash<QString, QJsonObject> m_cache; // "<identity>@<depth>"
    QSet<QString> m_inProgress; // identities on the current path: recursion
};

} // namespace m1
