#pragma once

// A Planner that hands each request to whichever planner was set last, so the console can
// switch between the rules and the LLM while worker lanes plan: pipelines keep pointing here,
// and a turn keeps the planner it started with alive until it is done.

#include "agent/planner.h"

#include <QMutex>

#include <memory>

namespace m1 {

class SwappablePlanner final : public Planner
{
public:
    explicit SwappablePlanner(std::shared_ptr<Planner> initial);

    void set(std::shared_ptr<Planner> planner);
    std::shared_ptr<Planner> current() const;

    QString name() const override;
    int candidateCount() const override;
    PlanDecision plan(const PlanRequest &request) override;

private:
    mutable QMutex m_mutex;
    std::shared_ptr<Planner> m_current;
};

} // namespace m1
