#pragma once

// Knobs of the conversation layer (the engine config fills them).

#include "conversation/ratelimitpolicy.h"

#include <QtGlobal>

namespace m1 {

struct ConversationConfig
{
    qint64 stateTtlMs = 30 * 60'000; // silence after which a conversation starts over
    int historySize = 20; // messages kept per user
    qint64 historyTtlMs = 7LL * 24 * 3'600'000; // history is forgotten after a week of silence
    qint64 dedupTtlMs = 24LL * 3'600'000; // WhatsApp retries for up to a day
    qint64 statsTtlMs = 30LL * 24 * 3'600'000;
    RateLimitPolicy rateLimit;
};

} // namespace m1
