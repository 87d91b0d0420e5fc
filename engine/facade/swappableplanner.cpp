#include "facade/swappableplanner.h"

#include "agent/ruleplanner.h"

namespace m1 {

SwappablePlanner::SwappablePlanner(std::shared_ptr<Planner> initial)
    : m_current(initial ? std::move(initial) : std::make_shared<RulePlanner>())
{
}

void SwappablePlanner::set(std::shared_ptr<Planner> planner)
{
    if (!planner)
        return;
    // The old one is released outside the lock: an LLM planner's destructor is not trivial.
    std::shared_ptr<Planner> old;
    {
        QMutexLocker lock(&m_mutex);
        old = std::exchange(m_current, std::move(planner));
    }
}

std::shared_ptr<Planner> SwappablePlanner::current() const
{
    QMutexLocker lock(&m_mutex);
    return m_current;
}

QString SwappablePlanner::name() const
{
    return current()->name();
}

int SwappablePlanner::candidateCount() const
{
    return current()->candidateCount();
}

PlanDecision SwappablePlanner::plan(const PlanRequest &request)
{
    // Held for the whole turn, outside the lock: plan() may wait for the model for seconds.
    const std::shared_ptr<Planner> planner = current();
    return planner->plan(request);
}

} // namespace m1
