#pragma once

// Stops hammering a service that keeps failing: after `failureThreshold` consecutive failures
// the breaker opens and refuses calls for `openMs`; then one trial call (half-open) decides
// whether it closes again or re-opens. Thread-safe; time comes from an injected Clock.

#include "core/clock.h"

#include <QMutex>
#include <QString>

namespace m1 {

struct CircuitBreakerOptions
{
    int failureThreshold = 5;
    qint64 openMs = 30'000;
    int halfOpenTrials = 1; // calls let through while half-open
};

class CircuitBreaker
{
public:
    enum class State { Closed, Open, HalfOpen };

    CircuitBreaker(const Clock &clock, CircuitBreakerOptions options = {});

    // True when a call may go ahead; while half-open only `halfOpenTrials` calls get true.
    bool allowRequest();
    void recordSuccess();
    void recordFailure();

    State state() const;
    int consecutiveFailures() const;
    // Milliseconds until an open breaker lets a trial call through (0 when not open).
    qint64 remainingOpenMs() const;

    static QString stateName(State state);

private:
    State stateLocked() const;

    const Clock &m_clock;
    CircuitBreakerOptions m_options;
    mutable QMutex m_mutex;
    State m_state = State::Closed;
    int m_failures = 0;
    int m_trialsInFlight = 0;
    qint64 m_openedAtMs = 0;
};

} // namespace m1
