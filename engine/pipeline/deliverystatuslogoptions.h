#pragma once
// Where delivery statuses are recorded and how many are kept.
#include <QByteArray>

namespace m1 {

struct DeliveryStatusLogOptions
{
    // A capped Redis Stream an operator reads with XREVRANGE m1:statuses + - COUNT 20.
    QByteArray stream = QByteArrayLiteral("m1:statuses");
    // Failed deliveries also go to their own, longer-lived stream, so a burst of "read" receipts
    // cannot push the failures an operator is looking for out of the record.
    QByteArray failedStream = QByteArrayLiteral("m1:statuses:failed");
    int maxEntries = 10'000; // approximate (MAXLEN ~): Redis trims whole macro nodes
    int maxFailedEntries = 10'000;
};

} // namespace m1
