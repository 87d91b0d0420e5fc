#include "registry/schemainliner.h"

#include <QJsonArray>

namespace m1 {

SchemaInliner::SchemaInliner(SchemaNormalizer &normalizer, int maxDepth)
    : m_normalizer(normalizer)
    , m_maxDepth(std::max(1, maxDepth))
{
}

QJsonObject SchemaInliner::inlined(const Located &schema)
{
    return build(m_normalizer.normalize(schema), 0);
}

QJsonObject SchemaInliner::build(const SchemaPtr &schema, int depth)
{
    const QString cacheKey = schema->identity + u'@' + QString::number(depth);
    const auto cached = m_cache.constFind(cacheKey);
    if (cached != m_cache.constEnd())
        return *cached;

    QJsonObject out;
    if (!schema->type.isEmpty())
        out.insert(QLatin1String("type"), schema->type);
    if (!schema->format.isEmpty())
        out.insert(QLatin1String("format"), schema->format);
    if (!schema->enumValues.isEmpty())
        out.insert(QLatin1String("enum"), QJsonArray::fromStringList(schema->enumValues));
    if (schema->nullable)
        out.insert(QLatin1String("nullable"), true);
    if (!schema->defaultValue.isUndefined())
        out.insert(QLatin1String("default"), schema->defaultValue);
    if (!schema->example.isUndefined())
        out.insert(QLatin1String("example"), schema->example);

    const bool recursive = !schema->identity.isEmpty() && m_inProgress.contains(schema->identity);
    if (recursive || depth >= m_maxDepth)
        return out; // no cache: the same schema higher up expands further

    m_inProgress.insert(schema->identity);
    if (schema->hasProperties()) {
        QJsonObject properties;
        for (const NamedSchema &p : schema->properties)
            properties.insert(p.name, build(m_normalizer.normalize(p.schema), depth + 1));
        out.insert(QLatin1String("properties"), properties);
        QStringList required = schema->required.values();
        if (!required.isEmpty()) {
            required.sort();
            out.insert(QLatin1String("required"), QJsonArray::fromStringList(required));
        }
    }
    if (schema->items.isDefined()) {
        // Arrays do not count as a level, as in the output keys; a self-containing array is
        // stopped by the recursion check.
        out.insert(QLatin1String("items"), build(m_normalizer.normalize(schema->items), depth));
    }
    m_inProgress.remove(schema->identity);
    m_cache.insert(cacheKey, out);
    return out;
}

} // namespace m1
