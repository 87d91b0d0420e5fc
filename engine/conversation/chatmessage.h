#pragma once

// One message of a conversation's history, as the planner and the console see it.

#include <QString>

namespace m1 {

struct ChatMessage
{
    enum class Role { User, Bot };

    Role role = Role::User;
    QString text;
    qint64 atMs = 0;
    QString messageId; // WhatsApp message id for user messages; empty for the bot's

    bool operator==(const ChatMessage &) const = default;
};

} // namespace m1
