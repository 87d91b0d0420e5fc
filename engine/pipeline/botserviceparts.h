#pragma once
// What a BotService runs on: the loaded tools and their search, the state store, how tools are
// executed, the per-thread network clients (the Graph API sender's), the clock and metrics. All
// references must outlive the service.

namespace m1 {

class Clock;
class DependencyGraph;
class KeyValueStore;
class MetricsRegistry;
class NetworkClients;
class Planner;
class SearchEngine;
class ToolExecutor;
class ToolRegistry;

struct BotServiceParts
{
    const ToolRegistry &registry;
    const SearchEngine &search;
    KeyValueStore &store;
    ToolExecutor &executor;
    NetworkClients &network;
    const Clock &clock;
    MetricsRegistry &metrics;
    // Optional, passed on to the pipeline (BotPipelineParts says what null means).
    Planner *planner = nullptr;
    const DependencyGraph *graph = nullptr;
};

} // namespace m1
