#pragma once

// A value that goes up and down (queue depth, tools loaded, start-up phase length). Lock-free;
// any thread may set, add or read.

#include <atomic>

namespace m1 {

class Gauge
{
public:
    Gauge() = default;
    Gauge(const Gauge &) = delete;
    Gauge &operator=(const Gauge &) = delete;

    void set(double v) { m_value.store(v, std::memory_order_relaxed); }
    void add(double d) { m_value.fetch_add(d, std::memory_order_relaxed); }
    double value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<double> m_value{0.0};
};

} // namespace m1
