#pragma once

// Reads a Cloud API /messages response: the wamid of a sent message, or the Graph error
// ({"error": {"message", "type", "code", "error_subcode", "error_data": {"details"},
// "fbtrace_id"}}), and decides whether trying again can help.

#include "channel/grapherror.h"

#include <QByteArrayView>
#include <QString>

namespace m1 {

struct GraphApiReply
{
    bool ok = false; // 2xx and, for a message, an id in messages[0]
    QString wamid;
    GraphError error; // code 0 when the body carried no Graph error
    int errorSubcode = 0;
    QString fbtraceId; // quote this to Meta support

    static GraphApiReply parse(int httpStatus, QByteArrayView body);

    // Graph codes that mean "slow down / try later": 4 (app call limit), 80007 (WABA rate
    // limit), 130429 (Cloud API throughput), 131056 (too many messages to one user), and the
    // temporary service errors 1, 2, 131016.
    static bool isRetryableCode(int code);
    // Codes that no retry can fix: 100 (invalid parameter), 190 (token expired/invalid),
    // 131047 (outside the 24-hour window), 131026 (undeliverable), 131051 (unsupported type),
    // permission, policy, spam and payment errors.
    static bool isPermanentCode(int code);
    // The whole decision: permanent codes never, retryable codes always, otherwise 429 and 5xx
    // (and transport errors, httpStatus 0).
    static bool shouldRetry(int httpStatus, int code);
};

} // namespace m1
