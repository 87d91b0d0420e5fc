#pragma once

#include "net/circuitbreaker.h"
#include "net/retrypolicy.h"

#include <QByteArray>
#include <QString>

namespace m1 {

// How HttpToolExecutor talks to the backend.
struct HttpExecutorOptions
{
    QString baseUrlOverride; // empty: each tool's own (the spec's first server)
    int timeoutMs = 15'000;  // per attempt
    RetryOptions retry{3, 300, 5'000, 30'000};
    CircuitBreakerOptions breaker; // one breaker per host
    QByteArray userAgent = "MobilityOneBot/0.1";
    // POST/PATCH carrying an Idempotency-Key may be retried like GET (the API promises the
    // first result for a repeated key); a key is generated when the tool takes one and the
    // call brought none.
    bool retryWithIdempotencyKey = true;
};

} // namespace m1
