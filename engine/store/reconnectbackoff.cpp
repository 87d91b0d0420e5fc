#include "store/reconnectbackoff.h"

#include <algorithm>

namespace m1 {

ReconnectBackoff::ReconnectBackoff(int initialMs, int maxMs, quint32 seed)
    : m_initialMs(std::max(1, initialMs))
    , m_maxMs(std::max(m_initialMs, maxMs))
    , m_random(seed ? seed : QRandomGenerator::global()->generate())
{
}

int ReconnectBackoff::nextDelayMs()
{
    const qint64 base = std::min<qint64>(m_maxMs, qint64(m_initialMs) << std::min(m_failures, 20));
    ++m_failures;
    return std::max(1, int(double(base) * (0.75 + 0.5 * m_random.generateDouble())));
}

} // namespace m1
