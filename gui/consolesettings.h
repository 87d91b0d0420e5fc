#pragma once

// What the admin sets in the settings dialog, as one value: where state is stored, which
// embedding provider and planner run, the WhatsApp credentials, the spec sources and the
// interface language. Read from and written to QSettings; secrets are kept there but never
// logged (secrets() feeds the log sink's masking) and never shown in clear.

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
    QString openAiKey;
    QString azureEndpoint;
    QString azureDeployment;
    QString azureApiVersion = QStringLiteral("2024-02-01");
    QString azureKey;

    QString planner = QStringLiteral("rules"); // rules, llm

    QString whatsAppAppSecret;
    QString whatsAppVerifyToken;
    QString whatsAppAccessToken;
    QString whatsAppPhoneNumberId;

    QStringList specSources; // empty: the bundled demo
    QString language; // empty: the system's; "en" or "hr"

    // The --store value this selects: "managed", the Redis URL, or "memory".
    QString storeUrl() const;
    // Every non-empty secret, for log masking.
    QStringList secrets() const;

    static ConsoleSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    bool operator==(const ConsoleSettings &) const = default;
};

} // namespace m1
