#pragma once

// Loads tools from files, folders (every *.json, *.yaml, *.yml, *.jsonl in it) and http(s)
// URLs into a ToolRegistry. Never throws and never stops at a bad source: every problem ends
// up in ToolRegistry::errors(). Blocking (files, network): run it on a worker thread.

#include "registry/registryloadoptions.h"
#include "registry/sourcefetcher.h"
#include "registry/toolregistry.h"

#include <memory>

namespace m1 {

class RegistryLoader
{
public:
    // Without a fetcher, files and URLs are read by a FileAndHttpFetcher that honours
    // options.networkTimeoutMs.
    explicit RegistryLoader(RegistryLoadOptions options = {},
                            std::shared_ptr<SourceFetcher> fetcher = {});

    ToolRegistry load(const QStringList &sources) const; // files, folders, URLs; never throws

private:
    RegistryLoadOptions m_options;
    std::shared_ptr<SourceFetcher> m_fetcher;
};

} // namespace m1
