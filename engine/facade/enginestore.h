#pragma once

// Opens the state store an EngineConfig names (--store), in the engine's data folder.

#include "facade/engineconfig.h"
#include "store/storebackend.h"

#include <memory>

class QThread;

namespace m1 {

class Clock;
class MetricsRegistry;

class EngineStore
{
public:
    // The folder for the managed redis-server, caches and the local database, created if missing.
    static QString dataDir(const EngineConfig &config);
    // The same folder, not created: for settings that only name files in it, so that checking a
    // configuration (m1bot serve refusing to start) leaves no folder behind.
    static QString dataDirPath(const EngineConfig &config);
    // nullptr with *error set when the store URL is malformed; otherwise a backend that is
    // usable at once (its ready() future says when a managed server has started).
    static std::unique_ptr<StoreBackend> open(const EngineConfig &config, const Clock &clock,
                                              MetricsRegistry &metrics, QThread *ioThread,
                                              QString *error);
};

} // namespace m1
