#pragma once

// Runs tools. Implementations: HttpToolExecutor (the real API) and SandboxExecutor (answers
// invented from the spec, for demos, the simulator and dry runs). execute() never blocks the
// caller and never throws: failures come back as a ToolResult with ok == false.

#include "agent/toolcall.h"
#include "agent/toolresult.h"

#include "registry/tooldefinition.h"

#include <QFuture>

namespace m1 {

class ToolExecutor
{
public:
    virtual ~ToolExecutor() = default;
    virtual QFuture<ToolResult> execute(const ToolDefinition &tool, const ToolCall &call) = 0;
};

} // namespace m1
