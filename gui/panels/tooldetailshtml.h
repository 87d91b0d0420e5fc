#pragma once

// Renders one tool's details as HTML for the registry panel's detail view.

#include "facade/enginesnapshot.h"

#include <QCoreApplication>
#include <QString>

namespace m1 {

class ToolDetailsHtml
{
    Q_DECLARE_TR_FUNCTIONS(ToolDetailsHtml)

public:
    static QString render(const ToolDefinition &tool, int toolIndex, const EngineSnapshot &snapshot);
};

} // namespace m1
