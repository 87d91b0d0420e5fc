#pragma once

// The last N messages of one user's conversation. Stored as ONE JSON array under
// m1:{phone}:hist, read with the state in one MGET and parsed in one go; a turn rewrites it with
// one SET ... PX. Chosen over a capped Redis list (RPUSH + LTRIM, LRANGE): a list needs three
// commands to append, trim and refresh the expiry, and N separate items to parse on every load,
// while the blob is a few kilobytes at N = 20. Rewriting the whole blob is safe because one
// user's turns never run concurrently (the worker pool serialises them per user).

#include "conversation/chatmessage.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace m1 {

class ConversationHistory
{
public:
    explicit ConversationHistory(int capacity = 20)
        : m_capacity(std::max(1, capacity))
    {
    }

    // Appends and drops the oldest beyond capacity.
    void append(const ChatMessage &message);
    const QList<ChatMessage> &messages() const { return m_messages; }
    int capacity() const { return m_capacity; }
    bool isEmpty() const { return m_messages.isEmpty(); }

    // [{"r":"u","t":"text","a":1700000000000,"i":"wamid..."}, {"r":"b",...}]
    QByteArray toJson() const;
    // Keeps the newest `capacity` messages when the stored history is longer (capacity lowered).
    static std::optional<ConversationHistory> fromJson(const QByteArray &json, int capacity,
                                                       QString *error = nullptr);

    bool operator==(const ConversationHistory &) const = default;

private:
    int m_capacity;
    QList<ChatMessage> m_messages;
};

} // namespace m1
