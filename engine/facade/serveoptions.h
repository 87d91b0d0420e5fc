#pragma once

// How the bot runs as a service, whichever front starts it: where the webhook listens, who the
// bot is on WhatsApp, how many worker lanes it has and how tools run. `m1bot serve` fills it
// from its config, the environment and the command line (ServeSettings); the console from its
// settings dialog.

#include "agent/authconfig.h"
#include "channel/whatsappconfig.h"
#include "pipeline/botserviceoptions.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

namespace m1 {

struct ServeOptions
{
    enum class Executor { Http, Sandbox };

    // 127.0.0.1: Meta only delivers to HTTPS, so the webhook sits behind a TLS-terminating proxy
    // (nginx, a load balancer) that forwards to it; bind 0.0.0.0 in a container.
    QHostAddress bind = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8080;
    int workers = 5;
    Executor executor = Executor::Http;
    QString apiBaseUrl; // HTTP executor: overrides the specs' servers
    AuthConfig auth; // HTTP executor: credentials per tenant ("auth" in the serve section)
    bool opsLoopbackOnly = true; // /health and /metrics only from loopback
    qint64 claimIdleMs = 60'000; // reclaim messages a dead worker left after this long
    int testExecutorDelayMs = 0; // test seam: every tool call waits this long first
    WhatsAppConfig whatsapp;
    // The worker pool's consumer name; empty: "m1-<host>-<pid>". Unique per process: pending
    // entries are owned by consumer name, so two processes sharing one would each think the
    // other's in-flight messages are their own.
    QByteArray consumer;
    int shutdownTimeoutMs = 30'000; // a graceful stop waits this long for the lanes

    // The BotService options these settings describe.
    BotServiceOptions serviceOptions() const;
    static QString executorName(Executor executor);
};

} // namespace m1
