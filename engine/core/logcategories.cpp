#include "core/logcategories.h"

namespace m1 {

// Debug is off by default: the hot paths log at debug level and must cost a branch only.
Q_LOGGING_CATEGORY(lcRegistry, "m1.registry", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGraph, "m1.graph", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSearch, "m1.search", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "m1.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConversation, "m1.conversation", QtInfoMsg)
Q_LOGGING_CATEGORY(lcChannel, "m1.channel", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAgent, "m1.agent", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "m1.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "m1.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "m1.gui", QtInfoMsg)

} // namespace m1
