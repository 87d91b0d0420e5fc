#pragma once

// When and how long to wait before retrying a failed HTTP call: exponential backoff with full
// jitter, capped, and a server's Retry-After (seconds or HTTP-date) taking precedence.
// Randomness is injected so tests get exact delays.

#include <QByteArray>
#include <QtGlobal>

#include <functional>
#include <optional>

namespace m1 {

struct RetryOptions
{
    int maxAttempts = 5; // total attempts including the first
    qint64 baseDelayMs = 200; // first retry waits up to this long
    qint64 maxDelayMs = 10'000; // cap of one computed wait
    qint64 maxRetryAfterMs = 60'000; // a server asking for longer than this is not waited for
};

class RetryPolicy
{
public:
    // uniform returns a number in [0, 1); null means QRandomGenerator::global().
    explicit RetryPolicy(RetryOptions options = {}, std::function<double()> uniform = {});

    const RetryOptions &options() const { return m_options; }

    // Whether an HTTP status (0 = transport error or timeout) is worth another attempt.
    static bool isRetryableStatus(int httpStatus);

    // attempt is the number of attempts already made (1 after the first failure).
    bool shouldRetry(int attempt, int httpStatus) const;

    // Wait before the next attempt. A Retry-After value, when the server sent one, wins over the
    // computed backoff (but is capped by maxRetryAfterMs); otherwise full jitter:
    // uniform(0, min(maxDelay, base * 2^(attempt-1))).
    qint64 delayMs(int attempt, std::optional<qint64> retryAfterMs = std::nullopt) const;

    // Parses a Retry-After header: delta-seconds or an IMF-fixdate. nowMs is the wall clock
    // used to turn a date into a delay. nullopt when absent or unparsable.
    static std::optional<qint64> parseRetryAfter(const QByteArray &value, qint64 nowMs);

private:
    RetryOptions m_options;
    std::function<double()> m_uniform;
};

} // namespace m1
