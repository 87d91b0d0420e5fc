#pragma once

// What the console's simulator runs on right now, for its panel and the status bar.

#include "facade/simulatorturn.h"

#include <QMetaType>
#include <QString>

namespace m1 {

struct SimulatorStatus
{
    bool ready = false;
    bool idle = false; // nothing sent yet: the workers start with the first message
    QString error; // why it is not ready, when something went wrong (empty while starting)
    SimulatorBackend backend = SimulatorBackend::DryRun;
    int workers = 0;
    QString store;     // the store's description
    QString embedding; // "local", "openai text-embedding-3-small", ...
    QString planner = QStringLiteral("rules");
};

} // namespace m1

Q_DECLARE_METATYPE(m1::SimulatorStatus)
