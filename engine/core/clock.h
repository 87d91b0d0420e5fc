#pragma once

// Time as a dependency: engine code asks a Clock, never the system directly, so tests can
// drive expiry, windows and time series deterministically.

#include <QtGlobal>

#include <atomic>
#include <cstdint>

namespace m1 {

class Clock
{
public:
    virtual ~Clock() = default;
    // Wall-clock milliseconds since the Unix epoch (for TTLs, logs, time series).
    virtual qint64 nowMs() const = 0;
    // Monotonic nanoseconds from an arbitrary origin (for durations only).
    virtual qint64 monotonicNs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    qint64 monotonicNs() const override;
};

// A clock that only moves when told to; thread-safe so workers may read it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'700'000'000'000) : m_ms(startMs) {}
    qint64 nowMs() const override { return m_ms.load(std::memory_order_relaxed); }
    qint64 monotonicNs() const override { return nowMs() * 1'000'000; }
    void advanceMs(qint64 ms) { m_ms.fetch_add(ms, std::memory_order_relaxed); }
    void setMs(qint64 ms) { m_ms.store(ms, std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_ms;
};

} // namespace m1
