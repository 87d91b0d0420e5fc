#pragma once

// Everything `m1bot serve` runs with, from (lowest to highest precedence) built-in defaults, the
// config file's "serve" and "whatsapp" sections, the environment (M1_WHATSAPP_*, M1_GRAPH_API_*)
// and the command line. Problems are collected as one line each, naming the option, variable or
// JSON pointer, so the command can refuse to start with all of them at once.

#include "agent/authconfig.h"
#include "channel/whatsappconfig.h"
#include "facade/engineconfig.h"
#include "store/sqlurl.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QStringList>

namespace m1 {

struct ServeSettings
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
    // SQL persistence (users, message log, tool outcomes): the config's "database", then
    // M1_DATABASE_URL, then --database; parsed against the default SQLite file in the data folder.
    SqlUrl database;

    // The options this adds to `m1bot serve`.
    static void addOptions(QCommandLineParser &parser);
    // Empty `errors` → usable settings. `missing` gets the environment variables of required
    // WhatsApp settings that are not set anywhere (the app secret, the verify token, ...).
    static ServeSettings resolve(const QCommandLineParser &parser, const EngineConfig &config,
                                 const QProcessEnvironment &environment, QStringList *errors,
                                 QStringList *missing);

    static QString executorName(Executor executor);
};

} // namespace m1
