#pragma once

// Where a user's conversation stands. The session only allows the moves that make sense:
//
//   Idle ─▶ ChoosingCandidate ─▶ CollectingParameters ─▶ AwaitingConfirmation ─▶ Executing ─▶ Idle
//     └──────────┴────────────────────┴──────▶ (read-only tools skip confirmation) ──┘
//   any phase ─▶ Idle (cancel, finished, or silence longer than the state's time to live)

#include <QString>

#include <optional>

namespace m1 {

enum class ConversationPhase {
    Idle,
    ChoosingCandidate,
    CollectingParameters,
    AwaitingConfirmation,
    Executing
};

class ConversationPhases
{
public:
    // Stable names used in the stored JSON: idle, choosing, collecting, confirming, executing.
    static QString name(ConversationPhase phase);
    static std::optional<ConversationPhase> fromName(const QString &name);
    static bool canMove(ConversationPhase from, ConversationPhase to);
};

} // namespace m1
