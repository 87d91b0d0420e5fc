#include "registry/schemaflattener.h"

#include <QSet>

#include <algorithm>

namespace m1 {

namespace {
QString dotted(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + u'.' + name;
}
} // namespace

SchemaFlattener::SchemaFlattener(SchemaNormalizer &normalizer, const RegistryLoadOptions &options)
    : m_normalizer(normalizer)
    , m_maxBodyDepth(std::max(1, options.maxBodyDepth))
    , m_maxOutputDepth(std::max(1, options.maxOutputDepth))
    , m_maxFields(std::max(1, options.maxFieldsPerTool))
{
}

void SchemaFlattener::describe(const NormalizedSchema &schema, ToolParameter *param)
{
    param->type = schema.type == u"null" ? QString() : schema.type;
    param->format = schema.format;
    param->enumValues = schema.enumValues;
    param->defaultValue = schema.defaultValue;
    param->nullable = schema.nullable;
    if (param->description.isEmpty())
        param->description = schema.description;
}

bool SchemaFlattener::isAncestor(const QList<Node> &nodes, qsizetype at, const QString &identity)
{
    for (qsizetype i = at; i >= 0; i = nodes[i].parent) {
        if (nodes[i].schema->identity == identity)
            return true;
    }
    return false;
}

SchemaPtr SchemaFlattener::throughArrays(SchemaPtr schema)
{
    for (int i = 0; i < 8 && !schema->hasProperties() && schema->items.isDefined(); ++i)
        schema = m_normalizer.normalize(schema->items);
    return schema;
}

QList<ToolParameter> SchemaFlattener::bodyFields(const Located &schema, bool bodyRequired,
                                                 const QString &wholeBodyName)
{
    QList<ToolParameter> fields;
    const SchemaPtr root = m_normalizer.normalize(schema);
    if (!root->hasProperties()) {
        if (root->declaresProperties && root->type == u"object")
            return fields;
        ToolParameter whole;
        whole.name = wholeBodyName;
        whole.location = ParamLocation::Body;
        whole.required = bodyRequired;
        describe(*root, &whole);
        fields.append(whole);
        return fields;
    }
    QList<Node> nodes { Node { root, QString(), bodyRequired, 0, -1 } };
    // Expansions count too, so a schema made only of nested objects still stops.
    int budget = m_maxFields * 4;
    for (qsizetype at = 0; at < nodes.size(); ++at) {
        const Node node = nodes[at];
        for (const NamedSchema &property : node.schema->properties) {
            if (fields.size() >= m_maxFields || --budget <= 0)
                break;
            const QString name = dotted(node.prefix, property.name);
            const bool required = node.required && node.schema->required.contains(property.name);
            const SchemaPtr child = m_normalizer.normalize(property.schema);
            const int depth = node.depth + 1;
            if (child->hasProperties() && depth < m_maxBodyDepth
                && !isAncestor(nodes, at, child->identity)) {
                nodes.append(Node { child, name, required, depth, at });
                if (!child->scalarAlternative.isEmpty()) {
                    // The object's fields are one way to send it, its id/value the other.
                    ToolParameter whole;
                    whole.name = name;
                    whole.location = ParamLocation::Body;
                    describe(*child, &whole);
                    whole.type = child->scalarAlternative;
                    fields.append(whole);
                }
                continue;
            }
            ToolParameter field;
            field.name = name;
            field.location = ParamLocation::Body;
            field.required = required;
            describe(*child, &field);
            fields.append(field);
        }
    }
    std::stable_sort(
        fields.begin(), fields.end(),
        [](const ToolParameter &a, const ToolParameter &b) { return a.name < b.name; });
    return fields;
}

QStringList SchemaFlattener::outputKeys(const Located &schema)
{
    QStringList keys;
    QSet<QString> seen;
    const SchemaPtr root = throughArrays(m_normalizer.normalize(schema));
    QList<Node> nodes { Node { root, QString(), false, 0, -1 } };
    for (qsizetype at = 0; at < nodes.size() && keys.size() < m_maxFields; ++at) {
        const Node node = nodes[at];
        for (const NamedSchema &property : node.schema->properties) {
            if (keys.size() >= m_maxFields)
                break;
            const QString name = dotted(node.prefix, property.name);
            if (!seen.contains(name)) {
                seen.insert(name);
                keys.append(name);
            }
            const int depth = node.depth + 1;
            if (depth >= m_maxOutputDepth)
                continue;
            const SchemaPtr child = throughArrays(m_normalizer.normalize(property.schema));
            if (child->hasProperties() && !isAncestor(nodes, at, child->identity))
                nodes.append(Node { child, name, false, depth, at });
        }
    }
    keys.sort();
    return keys;
}

} // namespace m1
