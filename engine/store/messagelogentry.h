#pragma once

// One message in the log: what a user wrote (in) or what the bot answered (out), with the tool
// that handled it and how long that took. The message id is unique: logging the same message
// twice keeps the first.

#include <QString>

namespace m1 {

struct MessageLogEntry
{
    enum class Direction { In, Out };

    QString messageId; // WhatsApp's wamid (inbound) or the Graph API's id for a reply
    QString phone;
    Direction direction = Direction::In;
    QString text;
    QString toolId; // empty when no tool ran
    int latencyMs = 0;
    qint64 timeMs = 0; // epoch milliseconds

    static QString directionName(Direction direction);
    static Direction directionFromName(const QString &name);

    bool operator==(const MessageLogEntry &) const = default;
};

} // namespace m1
