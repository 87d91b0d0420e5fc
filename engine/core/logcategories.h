#pragma once

// The engine's logging categories, one per area, so a user can turn on "m1.search.debug=true"
// without drowning in everything else (QT_LOGGING_RULES or --log-rules).

#include <QLoggingCategory>

namespace m1 {

Q_DECLARE_LOGGING_CATEGORY(lcRegistry)     // m1.registry
Q_DECLARE_LOGGING_CATEGORY(lcGraph)        // m1.graph
Q_DECLARE_LOGGING_CATEGORY(lcSearch)       // m1.search
Q_DECLARE_LOGGING_CATEGORY(lcStore)        // m1.store
Q_DECLARE_LOGGING_CATEGORY(lcConversation) // m1.conversation
Q_DECLARE_LOGGING_CATEGORY(lcChannel)      // m1.channel
Q_DECLARE_LOGGING_CATEGORY(lcAgent)        // m1.agent
Q_DECLARE_LOGGING_CATEGORY(lcEngine)       // m1.engine
Q_DECLARE_LOGGING_CATEGORY(lcCli)          // m1.cli
Q_DECLARE_LOGGING_CATEGORY(lcGui)          // m1.gui

} // namespace m1
