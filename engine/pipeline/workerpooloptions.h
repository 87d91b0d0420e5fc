#pragma once
// Knobs of the worker pool.
#include "pipeline/unansweredlogoptions.h"

#include <QByteArray>
#include <QString>

namespace m1 {

struct WorkerPoolOptions
{
    int workers = 5; // lanes; one user's messages always go to the same lane
    QByteArray consumer = QByteArrayLiteral("m1-worker"); // consumer name in the group
    int readBatch = 32; // entries per XREADGROUP
    int pollMs = 20; // wait between reads when the stream was empty
    qint64 claimIdleMs = 60'000; // take over entries unacknowledged this long
    qint64 claimEveryMs = 10'000;
    // Sent once per rate-limit window to a user who writes too fast.
    QString rateLimitedText = QStringLiteral(
            "You are sending messages faster than I can answer. Please wait a moment and try again.");
    // Where messages that end without a reply are recorded (send failures, rate-limit drops).
    UnansweredLogOptions unanswered;
};

} // namespace m1
