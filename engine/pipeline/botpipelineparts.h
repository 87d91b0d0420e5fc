#pragma once
// What a BotPipeline is assembled from: the loaded tools and their search, where state lives,
// where replies go, how tools run, and the clock and metrics everything shares. All references
// must outlive the pipeline.

namespace m1 {

class Clock;
class KeyValueStore;
class MetricsRegistry;
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
};

} // namespace m1
