#pragma once

// What the admin sets in the settings dialog, as one value: where state is stored, which
// embedding provider and planner run, the WhatsApp credentials and the console's own webhook
// server, the spec sources and the interface language. Everything but the secrets is read from
// and written to QSettings; the secrets go through a SecretStore (the desktop keychain) by their
// secretKeys(), are never logged (secrets() feeds the log sink's masking) and never shown.

#include <QHash>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace m1 {

struct ConsoleSettings
{
    enum class StoreKind { Managed, RedisUrl, Memory };

    StoreKind storeKind = StoreKind::Managed;
    QString redisUrl = QStringLiteral("redis://127.0.0.1:6379/0");

    QString embeddingProvider = QStringLiteral("local"); // local, openai, azure
    QString openAiBaseUrl = QStringLiteral("https://api.openai.com/v1");
    QString openAiModel = QStringLiteral("text-embedding-3-small");
    QString openAiKey; // secret
    QString azureEndpoint;
    QString azureDeployment;
    QString azureApiVersion = QStringLiteral("2024-02-01");
    QString azureKey; // secret

    QString planner = QStringLiteral("rules"); // rules, llm
    QString plannerProvider = QStringLiteral("openai"); // openai, azure
    QString plannerEndpoint = QStringLiteral("https://api.openai.com");
    QString plannerModel = QStringLiteral("gpt-4o-mini"); // OpenAI
    QString plannerDeployment; // Azure
    QString plannerApiVersion = QStringLiteral("2024-06-01"); // Azure
    QString plannerKey; // secret; empty: the embedding page's key of the same provider

    QString whatsAppAppSecret; // secret
    QString whatsAppVerifyToken; // secret
    QString whatsAppAccessToken; // secret
    QString whatsAppPhoneNumberId;
    QString graphApiUrl = QStringLiteral("https://graph.facebook.com");

    bool webhookEnabled = false; // the console's own webhook server (opt-in)
    QString webhookBind = QStringLiteral("127.0.0.1");
    int webhookPort = 8080;
    QString webhookExecutor = QStringLiteral("http"); // http (the backend API), sandbox

    QStringList specSources; // empty: the bundled demo
    QString language; // empty: the system's; "en" or "hr"

    // The --store value this selects: "managed", the Redis URL, or "memory".
    QString storeUrl() const;
    // Every non-empty secret, for log masking.
    QStringList secrets() const;

    // The SecretStore keys of the secret fields, and their values by those keys.
    static QStringList secretKeys();
    QHash<QString, QString> secretValues() const;
    void setSecretValues(const QHash<QString, QString> &values);

    // Everything but the secrets (which stay empty).
    static ConsoleSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    bool operator==(const ConsoleSettings &) const = default;
};

} // namespace m1
