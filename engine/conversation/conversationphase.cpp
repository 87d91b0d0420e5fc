#include "conversation/conversationphase.h"

using namespace Qt::StringLiterals;

namespace m1 {

QString ConversationPhases::name(ConversationPhase phase)
{
    switch (phase) {
    case ConversationPhase::Idle:
        return u"idle"_s;
    case ConversationPhase::ChoosingCandidate:
        return u"choosing"_s;
    case ConversationPhase::CollectingParameters:
        return u"collecting"_s;
    case ConversationPhase::AwaitingConfirmation:
        return u"confirming"_s;
    case ConversationPhase::Executing:
        return u"executing"_s;
    }
    return u"idle"_s;
}

std::optional<ConversationPhase> ConversationPhases::fromName(const QString &name)
{
    for (ConversationPhase p :
         { ConversationPhase::Idle, ConversationPhase::ChoosingCandidate,
           ConversationPhase::CollectingParameters, ConversationPhase::AwaitingConfirmation,
           ConversationPhase::Executing }) {
        if (ConversationPhases::name(p) == name)
            return p;
    }
    return std::nullopt;
}

bool ConversationPhases::canMove(ConversationPhase from, ConversationPhase to)
{
    using P = ConversationPhase;
    if (to == P::Idle)
        return true;
    switch (from) {
    case P::Idle:
    case P::ChoosingCandidate:
    case P::CollectingParameters:
        return true; // one message may name the tool and every parameter; users change their minds
    case P::AwaitingConfirmation:
        return to == P::Executing || to == P::CollectingParameters || to == P::ChoosingCandidate;
    case P::Executing:
        return false; // only back to idle (or a fresh start through idle)
    }
    return false;
}

} // namespace m1
