#pragma once

// An error as the Graph API reports it, in a failed message status (statuses[].errors[]) or in
// a /messages response ({"error": {...}}): the numeric code is what code should branch on; the
// texts are for people and may change.

#include <QString>

namespace m1 {

struct GraphError
{
    int code = 0; // e.g. 131047 (outside the 24 h window), 130429 (throughput limit)
    QString title; // short title
    QString message; // the message text
    QString details; // error_data.details: the most specific explanation, when given

    // "131047 Re-engagement message: Message failed to send because more than 24 hours ..."
    QString toString() const;
    bool operator==(const GraphError &) const = default;
};

} // namespace m1
