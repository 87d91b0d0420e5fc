#pragma once

// Everything the WhatsApp channel needs to talk to Meta, from a config file section and/or the
// environment (M1_WHATSAPP_*). Secrets are never printed: redacted() is what goes into logs, and
// secrets() is handed to the log formatter so a secret that slips into a message is masked.

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace m1 {

struct WhatsAppConfig
{
    QString appSecret; // M1_WHATSAPP_APP_SECRET: signs webhook POSTs (X-Hub-Signature-256)
    QString verifyToken; // M1_WHATSAPP_VERIFY_TOKEN: the GET /webhook handshake
    QString accessToken; // M1_WHATSAPP_TOKEN: Bearer token for the Graph API
    QString phoneNumberId; // M1_WHATSAPP_PHONE_NUMBER_ID: the business number that sends
    QString graphApiUrl = QStringLiteral("https://graph.facebook.com"); // M1_GRAPH_API_URL
    QString graphApiVersion = QStringLiteral("v21.0"); // M1_GRAPH_API_VERSION
    double messagesPerSecond = 80; // per business number; Meta's default Cloud API throughput

    // Reads the "whatsapp" section of a config file. Keys: app_secret, verify_token, token,
    // phone_number_id, graph_api_url, graph_api_version, messages_per_second. Unknown keys and
    // wrong types are reported as "<pointer>: <what was expected>" in `errors`.
    static WhatsAppConfig fromJson(const QJsonObject &section, QStringList *errors,
                                   const QString &pointer = QStringLiteral("/whatsapp"));
    // Environment variables override what `base` holds (the environment wins over the file).
    static WhatsAppConfig fromEnvironment(const QProcessEnvironment &environment,
                                          WhatsAppConfig base);
    static WhatsAppConfig fromEnvironment(const QProcessEnvironment &environment);

    // The settings `m1bot serve` cannot run without, as environment variable names; empty when
    // complete. The Graph API URL/version have defaults and are never missing.
    QStringList missing() const;
    // Problems with values that are present (URL not http(s), version not "vNN.N", rate <= 0).
    QStringList invalid() const;
    // "graph_api=https://graph.facebook.com/v21.0 phone_number_id=1065… token=set(len 180) ..."
    QString redacted() const;
    // The secret values, for masking in logs (empty ones left out).
    QStringList secrets() const;

    // {graphApiUrl}/{graphApiVersion}/{phoneNumberId}/messages
    QString messagesUrl() const;
};

} // namespace m1
