#pragma once

// The bot as `m1bot serve` runs it, assembled in one place for every front that serves
// WhatsApp (the daemon and the console's webhook): the tool executor the options name (the
// backend's HTTP API or the sandbox; cancellable, so a stop need not wait for a slow backend),
// the network clients, and a BotService — webhook → Redis Stream → worker lanes → Graph API.
//
// Construct, start and destroy it on one thread with an event loop: the webhook listens there.
// BotService::start() waits for the store, so that thread must not be the one the store's
// replies arrive on.

#include "facade/botserverparts.h"
#include "facade/serveoptions.h"

#include <memory>

namespace m1 {

class BotService;
class CancellableExecutor;
class DelayingExecutor;
class NetworkClients;
class ToolExecutor;

class BotServer
{
public:
    BotServer(const BotServerParts &parts, const ServeOptions &options);
    ~BotServer();
    BotServer(const BotServer &) = delete;
    BotServer &operator=(const BotServer &) = delete;

    BotService &service() { return *m_service; }
    // Finishes every tool call in flight with a failure, and refuses later ones.
    void cancelToolCalls();
    // "http://127.0.0.1:8080/webhook" (IPv6 in brackets): where it listens once started.
    QString url() const;

private:
    std::unique_ptr<NetworkClients> m_network; // before everything that sends: destroyed last
    std::unique_ptr<ToolExecutor> m_innerExecutor;
    std::unique_ptr<DelayingExecutor> m_delayed;
    std::unique_ptr<CancellableExecutor> m_executor;
    std::unique_ptr<BotService> m_service;
};

} // namespace m1
