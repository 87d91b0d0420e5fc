#pragma once

// The state of one RegistryLoader::load() call: the document cache, resolved schemas, ids
// taken so far and the problems found. Sources share it, so a file referenced from two
// specs is read once and ids stay unique across all of them.

#include "registry/embeddingtextbuilder.h"
#include "registry/errorcollector.h"
#include "registry/idallocator.h"
#include "registry/parsedtool.h"
#include "registry/refresolver.h"
#include "registry/registryloadoptions.h"
#include "registry/schemaflattener.h"
#include "registry/schemainliner.h"
#include "registry/schemanormalizer.h"
#include "registry/toolregistry.h"

#include <QSet>

namespace m1 {

class LoadSession
{
public:
    LoadSession(const RegistryLoadOptions &options, std::shared_ptr<const SourceFetcher> fetcher,
                ToolRegistry &registry);

    // A file, folder or URL as the user gave it.
    void load(const QString &source);
    // Hands the collected problems to the registry.
    void finish();

private:
    void loadOne(const QString &location, bool fromFolder);
    QList<ParsedTool> parse(const QByteArray &bytes, const QString &key, const QString &location,
                            bool fromFolder);
    void add(ParsedTool parsed);

    const RegistryLoadOptions &m_options;
    std::shared_ptr<const SourceFetcher> m_fetcher;
    ToolRegistry &m_registry;
    ErrorCollector m_errors;
    RefResolver m_resolver;
    SchemaNormalizer m_normalizer;
    SchemaFlattener m_flattener;
    SchemaInliner m_inliner;
    IdAllocator m_ids;
    EmbeddingTextBuilder m_text;
    QSet<QString> m_loaded;
};

} // namespace m1
