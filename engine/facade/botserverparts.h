#pragma once

// What a BotServer runs on: the loaded tools, their search and dependency graph, the state
// store, the clock, the metrics and the planner. All must outlive the server.

namespace m1 {

class Clock;
class DependencyGraph;
class KeyValueStore;
class MetricsRegistry;
class Planner;
class SearchEngine;
class ToolRegistry;

struct BotServerParts
{
    const ToolRegistry &registry;
    const SearchEngine &search;
    const DependencyGraph *graph; // null: no provider tools are called
    KeyValueStore &store;
    const Clock &clock;
    MetricsRegistry &metrics;
    Planner *planner = nullptr; // null: the orchestrator's own rule planner
};

} // namespace m1
