#pragma once
// What a BotPipeline is assembled from: the loaded tools and their search, where state lives,
// where replies go, how tools run, and the clock and metrics everything shares. All references
// must outlive the pipeline.

namespace m1 {

class Clock;
class DependencyGraph;
class KeyValueStore;
class MetricsRegistry;
class Planner;
class SearchEngine;
class SendSink;
class ToolExecutor;
class ToolRegistry;

struct BotPipelineParts
{
    const ToolRegistry &registry;
    const SearchEngine &search;
    KeyValueStore &store;
    SendSink &sink; // GraphApiSender in production, CapturingSink in chat, simulator and tests
    ToolExecutor &executor; // HttpToolExecutor or SandboxExecutor
    const Clock &clock;
    MetricsRegistry &metrics;
    // Optional, passed to the orchestrator: who chooses the tool (null: its own RulePlanner; a
    // planner is called from every worker thread at once) and the graph of `registry`'s tools
    // (null: no provider tools are called).
    Planner *planner = nullptr;
    const DependencyGraph *graph = nullptr;
};

} // namespace m1
