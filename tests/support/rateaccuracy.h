#pragma once

// Measures a rate limiter against the exact answer (a log of every admitted request): feed it a
// traffic pattern, count what it admits, and find the most it ever admitted within one sliding
// window. Shared by the in-process and the Redis rate-limit suites so they report the same figures.

#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <deque>
#include <functional>

namespace m1 {

struct RateAccuracy
{
    QString pattern;
    int requests = 0;
    int admitted = 0;
    int exactAdmitted = 0; // what an exact sliding log would admit for the same traffic
    int maxInAnyWindow = 0; // the most admitted within any window-long span
    int fixedWindowMax = 0; // the same for a plain fixed-window counter (what it prevents)

    QString toString(qint64 limit) const
    {
        return pattern
            + QStringLiteral(
                  ": %1 requests, admitted %2 = %3 % of what an exact sliding log admits (%4); "
                  "max %5 in any window-long span (limit %6; a fixed window: %7)")
                  .arg(requests)
                  .arg(admitted)
                  .arg(exactAdmitted ? 100.0 * admitted / exactAdmitted : 0.0, 0, 'f', 1)
                  .arg(exactAdmitted)
                  .arg(maxInAnyWindow)
                  .arg(limit)
                  .arg(fixedWindowMax);
    }

    // `decide(nowMs)` asks the limiter under test (which must take "now" from the same times).
    static RateAccuracy measure(const QString &pattern, const QList<qint64> &times, qint64 limit,
                                qint64 windowMs, const std::function<bool(qint64)> &decide)
    {
        RateAccuracy r;
        r.pattern = pattern;
        std::deque<qint64> admitted, exact, fixed;
        qint64 fixedWindow = -1, fixedCount = 0;
        for (qint64 t : times) {
            ++r.requests;
            // Exact sliding log: admit if fewer than `limit` admitted in (t − window, t].
            while (!exact.empty() && exact.front() <= t - windowMs)
                exact.pop_front();
            const bool exactYes = qint64(exact.size()) < limit;
            if (exactYes) {
                exact.push_back(t);
                ++r.exactAdmitted;
            }
            // Fixed window, for comparison.
            if (t / windowMs != fixedWindow) {
                fixedWindow = t / windowMs;
                fixedCount = 0;
            }
            if (fixedCount < limit) {
                ++fixedCount;
                fixed.push_back(t);
            }
            if (decide(t)) {
                ++r.admitted;
                admitted.push_back(t);
            }
        }
        r.maxInAnyWindow = maxInWindow(admitted, windowMs);
        r.fixedWindowMax = maxInWindow(fixed, windowMs);
        return r;
    }

    static int maxInWindow(const std::deque<qint64> &times, qint64 windowMs)
    {
        int best = 0;
        size_t from = 0;
        for (size_t to = 0; to < times.size(); ++to) {
            while (times[from] <= times[to] - windowMs)
                ++from;
            best = std::max(best, int(to - from + 1));
        }
        return best;
    }

    // Traffic patterns, all starting at a window boundary `start`.
    static QList<qint64> boundaryBurst(qint64 start, qint64 windowMs, qint64 limit)
    {
        QList<qint64> t;
        for (qint64 i = 0; i < limit; ++i)
            t.append(start + windowMs - 100 + i * 5); // the last 100 ms of one window
        for (qint64 i = 0; i < limit; ++i)
            t.append(start + windowMs + 100 + i * 5); // the first 100 ms of the next
        return t;
    }
    static QList<qint64> steady(qint64 start, qint64 intervalMs, int count)
    {
        QList<qint64> t;
        for (int i = 0; i < count; ++i)
            t.append(start + i * intervalMs);
        return t;
    }
    static QList<qint64> poisson(qint64 start, double perMs, qint64 durationMs, quint32 seed)
    {
        QRandomGenerator random(seed);
        QList<qint64> t;
        double now = double(start);
        while (now < double(start + durationMs)) {
            now += -std::log(1.0 - random.generateDouble()) / perMs;
            t.append(qint64(now));
        }
        return t;
    }
    // The previous window's whole allowance at its very end, then steady traffic: the case where
    // weighting the previous window as if it were spread evenly admits the most.
    static QList<qint64> endLoadedThenSteady(qint64 start, qint64 windowMs, qint64 limit)
    {
        QList<qint64> t;
        for (qint64 i = 0; i < limit; ++i)
            t.append(start + windowMs - 50 + i);
        for (qint64 s = 0; s < 2 * windowMs; s += windowMs / 60)
            t.append(start + windowMs + s);
        return t;
    }
};

} // namespace m1
