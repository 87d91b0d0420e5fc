#include "facade/engineconfig.h"

#include "facade/bundledresources.h"

namespace m1 {

QStringList EngineConfig::effectiveSpecSources() const
{
    return specSources.isEmpty() ? QStringList{BundledResources::demoSpec()} : specSources;
}

} // namespace m1
