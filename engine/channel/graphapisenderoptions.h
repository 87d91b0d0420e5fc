#pragma once

// How a GraphApiSender talks to Meta: where, with which token, how fast and how persistently.

#include "channel/graphapirequestbuilder.h"
#include "channel/whatsappconfig.h"
#include "net/retrypolicy.h"

#include <QString>
#include <QUrl>

namespace m1 {

struct GraphApiSenderOptions
{
    QUrl messagesUrl; // {graph url}/{version}/{phone number id}/messages
    QString accessToken; // sent as "Authorization: Bearer <token>"
    double messagesPerSecond = 80; // per business number
    double burst = 0; // tokens available at once; 0 → one second's worth
    RetryOptions retry; // attempts and backoff; Retry-After wins when Meta sends one
    int requestTimeoutMs = 20'000;
    // A timed-out POST may still have been delivered; retrying risks a duplicate, not retrying
    // risks a lost reply. A duplicate answer is the lesser harm for a chat bot.
    bool retryTimeouts = true;
    GraphApiRequestBuilder::Oversize oversize = GraphApiRequestBuilder::Oversize::Clip;

    static GraphApiSenderOptions fromConfig(const WhatsAppConfig &config)
    {
        GraphApiSenderOptions o;
        o.messagesUrl = QUrl(config.messagesUrl());
        o.accessToken = config.accessToken;
        o.messagesPerSecond = config.messagesPerSecond;
        return o;
    }
};

} // namespace m1
