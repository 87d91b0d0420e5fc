#pragma once

// Flattens schemas into what a tool exposes: the fields of a request body (leaves, dotted
// names, required only where every parent is required) and the output keys of a response
// (every field name, nested ones dotted, arrays seen through). Both walk breadth first, so
// when a huge schema hits the per-tool bound the shallow fields are the ones kept, and both
// stop at a schema that is already one of their own ancestors (recursion).

#include "registry/registryloadoptions.h"
#include "registry/schemanormalizer.h"
#include "registry/tooldefinition.h"

namespace m1 {

class SchemaFlattener
{
public:
    SchemaFlattener(SchemaNormalizer &normalizer, const RegistryLoadOptions &options);

    // A body that is not an object with properties becomes one field named `wholeBodyName`;
    // an object declared with no properties at all becomes no field.
    QList<ToolParameter> bodyFields(const Located &schema, bool bodyRequired,
                                    const QString &wholeBodyName);
    QStringList outputKeys(const Located &schema);

    // Copies type, format, enum, default, nullable and description into `param`.
    static void describe(const NormalizedSchema &schema, ToolParameter *param);

private:
    struct Node
    {
        SchemaPtr schema;
        QString prefix;
        bool required = false;
        int depth = 0;
        qsizetype parent = -1;
    };
    static bool isAncestor(const QList<Node> &nodes, qsizetype at, const QString &identity);
    SchemaPtr throughArrays(SchemaPtr schema);

    SchemaNormalizer &m_normalizer;
    int m_maxBodyDepth;
    int m_maxOutputDepth;
    int m_maxFields;
};

} // namespace m1
