#pragma once

// What `m1bot bench` was asked to measure; handed to every bench section.

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
};

} // namespace m1
