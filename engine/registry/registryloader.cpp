#include "registry/registryloader.h"

#include "registry/fileandhttpfetcher.h"
#include "registry/loadsession.h"

namespace m1 {

RegistryLoader::RegistryLoader(RegistryLoadOptions options, std::shared_ptr<SourceFetcher> fetcher)
    : m_options(std::move(options))
    , m_fetcher(std::move(fetcher))
{
    if (!m_fetcher)
        m_fetcher = std::make_shared<FileAndHttpFetcher>(m_options.networkTimeoutMs);
}

ToolRegistry RegistryLoader::load(const QStringList &sources) const
{
    ToolRegistry registry;
    try {
        LoadSession session(m_options, m_fetcher, registry);
        for (const QString &source : sources)
            session.load(source);
        session.finish();
    } catch (const std::exception &e) {
        // Nothing below is meant to throw; if something does (bad_alloc), say so instead of
        // taking the engine thread down.
        registry.addError(LoadError {
            QString(), QString(), QStringLiteral("loading stopped: ") + QString::fromUtf8(e.what()),
            LoadError::Severity::Error });
    }
    return registry;
}

} // namespace m1
