#pragma once

// What the scorer learns from use: which tools a user ran successfully (the user boost) and how
// often each tool succeeds or fails (the evaluation adjustment). An interface so the SQL store
// can provide a persistent implementation; every implementation must be thread-safe.

#include <QString>

#include <functional>

namespace m1 {

class UsageStats
{
public:
    struct Outcomes
    {
        quint32 successes = 0;
        quint32 failures = 0;
    };

    virtual ~UsageStats() = default;

    virtual void recordOutcome(const QString &userPhone, const QString &toolId, bool success) = 0;
    // Calls visit(toolId, successes) for every tool this user ran successfully.
    virtual void
    forEachUserSuccess(const QString &userPhone,
                       const std::function<void(const QString &, quint32)> &visit) const = 0;
    virtual Outcomes toolOutcomes(const QString &toolId) const = 0;
    // Changes whenever any per-tool outcome changes, so readers can cache what they derive.
    virtual quint64 version() const = 0;
};

} // namespace m1
