#include "registry/loadsession.h"

#include "registry/catalogimporter.h"
#include "registry/openapiparser.h"
#include "registry/sourceclassifier.h"
#include "registry/sourcelocation.h"

#include <QDir>
#include <QFileInfo>

namespace m1 {

LoadSession::LoadSession(const RegistryLoadOptions &options,
                         std::shared_ptr<const SourceFetcher> fetcher, ToolRegistry &registry)
    : m_options(options)
    , m_fetcher(std::move(fetcher))
    , m_registry(registry)
    , m_resolver(m_fetcher, m_errors)
    , m_normalizer(m_resolver, m_errors)
    , m_flattener(m_normalizer, m_options)
    , m_inliner(m_normalizer, m_options.maxOutputDepth)
{
}

void LoadSession::load(const QString &source)
{
    const QString trimmed = source.trimmed();
    if (trimmed.isEmpty()) {
        m_errors.error(QString(), QString(), QStringLiteral("an empty source name was given"));
        return;
    }
    if (SourceLocation::isHttpUrl(trimmed)) {
        loadOne(trimmed, false);
        return;
    }
    const QFileInfo info(SourceLocation::localPath(trimmed));
    if (!info.isDir()) {
        loadOne(trimmed, false);
        return;
    }
    const QDir folder(info.filePath());
    const QStringList names
        = folder.entryList({ QStringLiteral("*.json"), QStringLiteral("*.yaml"),
                             QStringLiteral("*.yml"), QStringLiteral("*.jsonl") },
                           QDir::Files | QDir::Readable, QDir::Name);
    if (names.isEmpty()) {
        m_errors.warning(
            trimmed, QString(),
            QStringLiteral("the folder has no *.json, *.yaml, *.yml or *.jsonl files"));
        return;
    }
    for (const QString &name : names)
        loadOne(folder.filePath(name), true);
}

void LoadSession::loadOne(const QString &location, bool fromFolder)
{
    const QString key = SourceLocation::documentKey(location);
    m_errors.setDisplayName(key, location);
    if (m_loaded.contains(key)) {
        m_errors.warning(key, QString(),
                         QStringLiteral("this source was already loaded; loaded once only"));
        return;
    }
    m_loaded.insert(key);
    m_registry.addSource(location);
    const FetchResult fetched
        = m_fetcher->fetch(SourceLocation::isHttpUrl(location) ? location : key);
    if (!fetched.ok()) {
        m_errors.error(key, QString(), QStringLiteral("cannot read the source: ") + fetched.error);
        return;
    }
    const QList<ParsedTool> tools = parse(fetched.data, key, location, fromFolder);
    for (const ParsedTool &tool : tools)
        add(tool);
}

QList<ParsedTool> LoadSession::parse(const QByteArray &bytes, const QString &key,
                                     const QString &location, bool fromFolder)
{
    const SourceClassifier::Result kind = SourceClassifier().classify(bytes);
    switch (kind.kind) {
    case SourceClassifier::Kind::OpenApi: {
        m_resolver.addDocument(key, kind.document);
        OpenApiParser parser(m_resolver, m_normalizer, m_flattener, m_inliner, m_errors);
        return parser.parse(Located { kind.document, key, QString() }, location);
    }
    case SourceClassifier::Kind::McpTools:
        m_resolver.addDocument(key, kind.document);
        return CatalogImporter(m_flattener, m_inliner, m_errors)
            .mcpTools(Located { kind.document, key, {} }, location);
    case SourceClassifier::Kind::JsonLines:
        return CatalogImporter(m_flattener, m_inliner, m_errors).jsonLines(bytes, key, location);
    case SourceClassifier::Kind::Invalid:
        break;
    }
    // Inside a folder, a fragment that other specs $ref is not a mistake: only warn.
    if (fromFolder)
        m_errors.warning(key, QString(), kind.error + QStringLiteral("; skipped"));
    else
        m_errors.error(key, QString(), kind.error);
    return {};
}

void LoadSession::add(ParsedTool parsed)
{
    ToolDefinition &tool = parsed.tool;
    QString preferred = IdAllocator::sanitize(tool.id);
    if (preferred.isEmpty())
        preferred = IdAllocator::slug(tool.method, tool.path);
    const IdAllocator::Allocation allocation = m_ids.allocate(preferred, tool.source);
    if (!allocation.takenBy.isEmpty()) {
        m_errors.warning(parsed.document, parsed.pointer,
                         QStringLiteral("id '%1' is already used by a tool from %2; this tool "
                                        "is registered as '%3'")
                             .arg(preferred, allocation.takenBy, allocation.id));
    }
    tool.id = allocation.id;
    QString extra = m_options.extraDocumentation.value(tool.id);
    if (extra.isEmpty() && !tool.operationId.isEmpty())
        extra = m_options.extraDocumentation.value(tool.operationId);
    tool.embeddingText = m_text.build(tool, extra);
    m_registry.addTool(std::move(tool));
}

void LoadSession::finish()
{
    const QList<LoadError> errors = m_errors.take();
    for (const LoadError &e : errors)
        m_registry.addError(e);
}

} // namespace m1
