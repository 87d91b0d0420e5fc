#include "net/circuitbreaker.h"

#include <algorithm>

namespace m1 {

CircuitBreaker::CircuitBreaker(const Clock &clock, CircuitBreakerOptions options)
    : m_clock(clock)
    , m_options(options)
{
    m_options.failureThreshold = std::max(1, m_options.failureThreshold);
    m_options.halfOpenTrials = std::max(1, m_options.halfOpenTrials);
}

CircuitBreaker::State CircuitBreaker::stateLocked() const
{
    // Open turns into half-open by the passing of time alone, so it is derived on read.
    if (m_state == State::Open && m_clock.nowMs() - m_openedAtMs >= m_options.openMs)
        return State::HalfOpen;
    return m_state;
}

bool CircuitBreaker::allowRequest()
{
    QMutexLocker lock(&m_mutex);
    const State current = stateLocked();
    if (current == State::Closed)
        return true;
    if (current == State::Open)
        return false;
    if (m_state == State::Open) { // the open period just ran out
        m_state = State::HalfOpen;
        m_trialsInFlight = 0;
    }
    if (m_trialsInFlight >= m_options.halfOpenTrials)
        return false;
    ++m_trialsInFlight;
    return true;
}

void CircuitBreaker::recordSuccess()
{
    QMutexLocker lock(&m_mutex);
    m_state = State::Closed;
    m_failures = 0;
    m_trialsInFlight = 0;
}

void CircuitBreaker::recordFailure()
{
    QMutexLocker lock(&m_mutex);
    ++m_failures;
    const State current = stateLocked();
    if (current == State::HalfOpen || m_failures >= m_options.failureThreshold) {
        m_state = State::Open;
        m_openedAtMs = m_clock.nowMs();
        m_trialsInFlight = 0;
    }
}

CircuitBreaker::State CircuitBreaker::state() const
{
    QMutexLocker lock(&m_mutex);
    return stateLocked();
}

int CircuitBreaker::consecutiveFailures() const
{
    QMutexLocker lock(&m_mutex);
    return m_failures;
}

qint64 CircuitBreaker::remainingOpenMs() const
{
    QMutexLocker lock(&m_mutex);
    if (stateLocked() != State::Open)
        return 0;
    return m_options.openMs - (m_clock.nowMs() - m_openedAtMs);
}

QString CircuitBreaker::stateName(State state)
{
    switch (state) {
    case State::Closed:
        return QStringLiteral("closed");
    case State::Open:
        return QStringLiteral("open");
    case State::HalfOpen:
        return QStringLiteral("half-open");
    }
    return QStringLiteral("closed");
}

} // namespace m1
