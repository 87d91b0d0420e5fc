#pragma once

// A stream as the in-process store keeps it: entries in id order plus consumer groups with
// their pending-entries lists, enough for XADD / XREADGROUP / XACK / XAUTOCLAIM / XPENDING to
// behave as Redis does (issue 5 builds the inbound queue on them).

#include "store/streamid.h"

#include <QByteArrayList>
#include <QHash>

#include <map>

namespace m1 {

struct MemoryStream
{
    struct Pending
    {
        QByteArray consumer;
        qint64 deliveredAtMs = 0;
        qint64 deliveries = 1;
    };
    struct Group
    {
        StreamId lastDelivered;
        std::map<StreamId, Pending> pending;
        QHash<QByteArray, qint64> consumerSeenMs;
    };

    std::map<StreamId, QByteArrayList> entries; // id → field, value, field, value ...
    StreamId lastId;
    std::map<QByteArray, Group> groups;
};

} // namespace m1
