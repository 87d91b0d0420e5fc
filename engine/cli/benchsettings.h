#pragma once

// What `m1bot bench` was asked to measure; handed to every bench section.

#include "cli/loadsettings.h"
#include "facade/engineconfig.h"

#include <QStringList>

namespace m1 {

struct BenchSettings
{
    EngineConfig config;
    int tools = 200;         // synthetic registry size for search
    int dim = 1536;          // embedding dimension for synthetic registries
    QStringList parseFiles;  // extra API descriptions whose parse time is reported
    QList<int> graphSizes{200, 20'000, 200'000};
    int repeat = 5;          // runs per measurement; the median is reported
    double e2eRate = 1000;   // e2e: webhook POSTs per second the client sends
    int e2eMessages = 5000;  // e2e: measured messages (after a warm-up of 200)
    int e2eWorkers = 5;      // e2e: worker lanes
    int e2eConnections = 32; // e2e: client connections to the webhook
    LoadSettings load; // --load: several serve processes, one of them killed
};

} // namespace m1
