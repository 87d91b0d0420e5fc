#pragma once

// What search, eval and chat each start with: load the sources, refuse unreadable ones with
// the usual one-line errors, and build the search over what loaded.

#include "cli/clicontext.h"
#include "facade/engineconfig.h"
#include "facade/searchfactory.h"
#include "registry/toolregistry.h"

#include <memory>

namespace m1 {

class CliCommand;
class Clock;

struct LoadedSearch
{
    std::shared_ptr<const ToolRegistry> registry; // shared: the search and its users point into it
    SearchSetup search;
};

class SearchLoader
{
public:
    // nullptr after printing why, with *exitCode set to what the command should return.
    static std::unique_ptr<LoadedSearch> load(const QStringList &sources, const EngineConfig &config,
                                              const Clock &clock, const CliCommand &command,
                                              CliContext &ctx, int *exitCode);
};

} // namespace m1
