#pragma once

// The outcome of sending one OutboundMessage, after all retries. A failure carries Meta's error
// code and message (e.g. 131047: the user's 24-hour window is closed) so the caller can decide
// what to do next — a template message, a log line, or nothing.

#include <QString>

namespace m1 {

struct SendResult
{
    bool ok = false;
    QString wamid; // Meta's id of the sent message ("wamid.HBg..."); empty for mark-read
    int httpStatus = 0; // of the last attempt; 0 for a transport error or timeout
    int errorCode = 0; // Graph API error code of the last attempt (0 when none)
    QString errorMessage; // a sentence a person can act on
    int attempts = 0; // HTTP requests made, including retries
    bool retryable = false; // the last failure was transient (retries ran out)
    bool timedOut = false;

    static SendResult failure(const QString &message, int code = 0)
    {
        SendResult r;
        r.errorMessage = message;
        r.errorCode = code;
        return r;
    }
};

} // namespace m1
