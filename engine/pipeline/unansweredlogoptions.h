#pragma once
// Where inbound messages that end without a reply are recorded, and how many are kept.
#include <QByteArray>

namespace m1 {

struct UnansweredLogOptions
{
    // Messages the bot meant to answer and could not (the reply was refused or never got
    // through, the entry could not be read). An operator reads them with
    // XREVRANGE m1:failed + - COUNT 20.
    QByteArray failedStream = QByteArrayLiteral("m1:failed");
    // Messages dropped on purpose (over the sender's rate limit, after the one notice per
    // window). Their own stream, so a flood cannot push real failures out of the record.
    QByteArray droppedStream = QByteArrayLiteral("m1:dropped");
    int maxEntries = 10'000; // per stream, approximate (MAXLEN ~)
};

} // namespace m1
