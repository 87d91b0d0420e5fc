#pragma once

// The conversation layer's server-side scripts, each with its native twin for the memory store.
// Both return {verdict, current, previous, retry_after_ms}.
//
// slidingWindow  KEYS: current window, previous window
//                ARGV: limit, window ms, now ms, cost                  verdict 1 allowed / 0 denied
// turnGate       KEYS: dedup key, current window, previous window, user stats hash
//                ARGV: dedup ttl ms (0 = off), limit, window ms, now ms, cost, stats ttl ms
//                      [, delivery id]
//                verdict 1 accepted / 0 rate-limited / -1 duplicate (the duplicate is not counted
//                against the limit; stats get turns / limited / duplicates)
//                With a delivery id (the inbound stream entry id) the dedup mark holds that id,
//                and the same delivery coming back is not a duplicate: a worker that died after
//                loading a turn left its entry pending, and whoever reclaims it must still answer
//                it. A second delivery of the same message id (Meta retrying a webhook) is a new
//                stream entry with another id, so it stays a duplicate.
//
// The caller passes "now", not the server's TIME: the engine's clock is injectable, so window
// edges can be tested exactly, and all processes sharing a limit should run NTP anyway.

#include "store/luascript.h"

#include <memory>

namespace m1 {

class ConversationScripts
{
public:
    static std::shared_ptr<const LuaScript> slidingWindow();
    static std::shared_ptr<const LuaScript> turnGate();
};

} // namespace m1
