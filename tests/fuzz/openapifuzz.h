#pragma once

// The OpenAPI targets' common body: one document served from memory through the real
// RegistryLoader (source classification, JSON/YAML reading, $ref resolution, schema
// normalising, flattening and inlining, id allocation, embedding text), then the dependency
// graph over whatever tools came out. Other documents a $ref names are "not found": no file
// system, no network.

#include "fuzzsupport.h"

#include "graph/dependencygraph.h"
#include "registry/registryloader.h"

#include <QSet>

namespace m1::fuzz {

class MemoryFetcher final : public SourceFetcher
{
public:
    MemoryFetcher(QString location, QByteArray bytes)
        : m_location(std::move(location))
        , m_bytes(std::move(bytes))
    {
    }

    FetchResult fetch(const QString &location) const override
    {
        if (location == m_location)
            return { m_bytes, QString() };
        return { QByteArray(), QStringLiteral("not part of the fuzz input") };
    }

private:
    QString m_location;
    QByteArray m_bytes;
};

// `location` is a resource-style name (":/fuzz/spec.json"): the loader's folder check then
// never touches the file system.
inline void loadOpenApi(const QByteArray &bytes, const QString &location)
{
    const RegistryLoader loader({}, std::make_shared<MemoryFetcher>(location, bytes));
    const ToolRegistry registry = loader.load({ location });

    // What the rest of the engine relies on: every tool has an id, ids are unique, and the
    // registry finds each tool under its id.
    QSet<QString> ids;
    for (const ToolDefinition &tool : registry.tools()) {
        FUZZ_CHECK(!tool.id.isEmpty());
        FUZZ_CHECK(!ids.contains(tool.id));
        ids.insert(tool.id);
        FUZZ_CHECK(registry.find(tool.id) == &tool);
    }
    for (const LoadError &error : registry.errors())
        FUZZ_CHECK(!error.message.isEmpty());

    const DependencyGraph graph = DependencyGraph::build(registry.tools());
    FUZZ_CHECK(graph.nodeCount() == registry.size());
    const int planned = qMin(graph.nodeCount(), 32);
    for (int i = 0; i < planned; ++i)
        (void)graph.planFor(i);
}

} // namespace m1::fuzz
