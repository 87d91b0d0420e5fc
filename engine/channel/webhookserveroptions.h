#pragma once

// Where the webhook listens and how strict it is.

#include "channel/httpserveroptions.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

namespace m1 {

struct WebhookServerOptions
{
    QHostAddress address = QHostAddress::LocalHost; // behind a TLS-terminating proxy by default
    quint16 port = 8080; // 0 picks a free port
    QString path = QStringLiteral("/webhook");
    QByteArray appSecret; // HMAC key of X-Hub-Signature-256; without it every POST is refused
    QString verifyToken; // GET handshake token; without it every handshake is refused
    qsizetype maxBodyBytes = 3 * 1024 * 1024;
    int maxJsonDepth = 32;
    int sinkTimeoutMs = 10'000; // no answer from the store in time → 503, Meta retries
    // /health and /metrics answer only clients on the loopback interface, and not requests a
    // proxy says it forwarded (Forwarded, X-Forwarded-For, X-Real-IP): 403 otherwise.
    bool opsEndpointsLoopbackOnly = true;
    HttpServerOptions http; // timeouts and connection limit; its body limit is set from above
};

} // namespace m1
