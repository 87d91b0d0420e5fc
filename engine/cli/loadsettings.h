#pragma once

// What `m1bot bench --load` was asked to do: how hard and how long to drive the webhook of
// several `m1bot serve` processes sharing one Redis, and when to kill one of them.

namespace m1 {

struct LoadSettings
{
    double rate = 200; // messages (signed webhook POSTs) per second, scheduled by time
    double durationS = 20; // how long messages are sent
    int processes = 3; // `m1bot serve` children behind the bench's load balancer
    double killAtS = -1; // SIGKILL one child this long after sending starts; < 0: half the duration
    bool kill = true; // false: a baseline run without the crash
    double restartAfterS = 1; // the killed child is started again this much later
    int claimIdleMs = 2000; // the children's --claim-idle-ms: how soon a dead child's messages move
    int workers = 5; // worker lanes per child
    int connectionsPerProcess = 16; // kept-alive webhook connections per child
    int maxAttempts = 10; // deliveries of one message (Meta's retries) before it counts as rejected
    int requestTimeoutMs = 10'000; // a POST not answered this long is delivered elsewhere
    int drainTimeoutS = 120; // after sending: how long to wait for the queue to empty

    double effectiveKillAtS() const { return killAtS < 0 ? durationS / 2 : killAtS; }
};

} // namespace m1
