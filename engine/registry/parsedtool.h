#pragma once

// A tool as read from a source, before the loader gives it its final id and embedding text.

#include "registry/tooldefinition.h"

namespace m1 {

struct ParsedTool
{
    ToolDefinition tool; // id holds the preferred id (operationId or a generated slug)
    QString document; // document key and JSON pointer of the operation, for warnings
    QString pointer;
};

} // namespace m1
