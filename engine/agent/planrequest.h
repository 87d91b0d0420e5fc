#pragma once

// What a planner sees of one turn: the user's words, what search found, the tools they point
// at, who is writing and what was said before.

#include "agent/replylanguage.h"
#include "agent/userprofile.h"

#include "conversation/chatmessage.h"

#include <QList>
#include <QString>

namespace m1 {

class ToolRegistry;
struct SearchResult;

struct PlanRequest
{
    QString message;             // the user's text (or the title of the button they tapped)
    const SearchResult &search;  // best first; abstain and candidates as search decided
    const ToolRegistry &registry;
    UserProfile profile;
    QList<ChatMessage> history;  // earlier messages, oldest first, without this one
    ReplyLanguage language = ReplyLanguage::English;
};

} // namespace m1
