#pragma once

// One turn of the console's conversation simulator, as the engine reports it: the message that
// went through the queue, the orchestrator's trace, the store traffic of that turn (on the
// worker that ran it: load, save, acknowledge) and how long it took from the queue to the end.

#include "agent/turntrace.h"
#include "channel/inboundmessage.h"

#include <QMetaType>

namespace m1 {

enum class SimulatorBackend {
    DryRun, // SandboxExecutor: answers invented from the spec, nothing is called
    Live,   // HttpToolExecutor: the real backend
};

struct SimulatorTurn
{
    InboundMessage message;
    TurnTrace trace;
    quint64 storeCommands = 0;
    quint64 storeRoundTrips = 0;
    qint64 endToEndUs = 0; // queue push to the end of the turn; 0 when unknown
};

} // namespace m1

Q_DECLARE_METATYPE(m1::SimulatorTurn)
