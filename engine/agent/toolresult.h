#pragma once

// What running a tool gave: the HTTP status and JSON body, or an error a person can act on.

#include <QJsonValue>
#include <QString>

namespace m1 {

struct ToolResult
{
    bool ok = false;
    int httpStatus = 0;   // 0 when no response arrived (refused, timed out, not sent)
    QJsonValue body;      // parsed JSON, or the raw text as a string when it was not JSON
    QString error;        // empty when ok
    qint64 durationMs = 0;
    int attempts = 0;     // HTTP attempts made (0 when the call was refused before sending)
    bool dryRun = false;  // true when no real API was called (sandbox)
    // Not sent because the service is known to be failing (an open circuit breaker): the user
    // hears "cannot be reached", not why the request could not be built.
    bool unavailable = false;

    static ToolResult failure(const QString &message, int httpStatus = 0)
    {
        ToolResult r;
        r.error = message;
        r.httpStatus = httpStatus;
        return r;
    }
};

} // namespace m1
