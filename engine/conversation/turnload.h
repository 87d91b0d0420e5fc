#pragma once

// What loading a turn found: whether to go on, and the conversation to go on with.

#include "conversation/conversationsession.h"
#include "conversation/ratedecision.h"

#include <QString>
#include <QStringList>

namespace m1 {

struct TurnLoad
{
    enum class Outcome {
        Proceed, // first delivery, within the rate limit: run the turn
        Duplicate, // seen before: drop silently
        RateLimited, // tell the user to slow down (rate.retryAfterMs)
        Failed // the store could not be asked (error says why); session is a fresh one
    };

    Outcome outcome = Outcome::Failed;
    QString error;
    RateDecision rate;
    ConversationSession session;
    bool stateExpired = false; // a stored state older than the silence timeout was discarded
    QStringList warnings; // unreadable stored state or history (discarded, the turn goes on)
};

} // namespace m1
