#pragma once

// Turns "a source could not be read at all" into the one-line error and non-zero exit that
// scripts expect, while partial problems inside a readable spec stay reports, not failures.

#include "cli/clicontext.h"
#include "registry/toolregistry.h"

namespace m1 {

class CliCommand;

class SourceCheck
{
public:
    // Whole-source errors (no JSON pointer) mean the file or URL was unreadable or not an
    // API description: each is printed on one line to stderr and ExitFailure is returned.
    static int unreadableSourcesExit(const ToolRegistry &registry, const CliCommand &command,
                                     CliContext &ctx);
};

} // namespace m1
