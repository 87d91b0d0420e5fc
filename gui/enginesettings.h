#pragma once

// Turns the console's settings into what the engine applies while it runs: the embedding and
// planner sections in the config file's own keys (so the engine checks them exactly as it
// checks a config file) with their API keys, and the webhook server's ServeOptions.

#include "consolesettings.h"

#include "facade/modelsettings.h"
#include "facade/webhooksettings.h"

namespace m1 {

class EngineSettings
{
public:
    // The local embedder is the empty section: the engine's default, so nothing is rebuilt.
    static ModelSettings models(const ConsoleSettings &settings);
    // The consumer name is per process; `workers` lanes.
    static WebhookSettings webhook(const ConsoleSettings &settings, int workers = 5);
    // Whether the parts the engine applies differ (secrets included).
    static bool modelsDiffer(const ConsoleSettings &a, const ConsoleSettings &b);
    static bool webhookDiffers(const ConsoleSettings &a, const ConsoleSettings &b);
};

} // namespace m1
