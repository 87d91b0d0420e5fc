#pragma once

// What an engine runs with: where its tools come from, where its state lives, how the graph
// links tools. Plain value; the loader fills it from a file and the command line.

#include "agent/plannerconfig.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace m1 {

struct EngineConfig
{
    enum class LogFormat { Text, Json };

    QStringList specSources;          // files, folders, URLs, or ":/" resources; empty → bundled demo
    QString store = QStringLiteral("managed");
    QString dataDir;                  // empty → the platform's application data folder
    QString database;                 // SQL persistence (SqlUrl); empty → SQLite in dataDir
    QString documentationFile;        // per-tool examples and synonyms; empty → bundled
    QString scoringFile;              // search weights and thresholds (scoring.json); empty → bundled
    QJsonObject scoring;              // partial override of those weights and thresholds
    QJsonObject embedding;            // EmbeddingSettings as JSON; empty → the local embedder
    QHash<QString, QString> graphAliases; // normalised key → canonical key
    bool graphReadOnlyProviders = true;
    QStringList graphLookupKeys;      // extra keys providers may be called for, besides identifiers
    PlannerConfig planner;            // who picks the tool: the rules (default) or an LLM
    // Keys a front keeps itself (the console's keychain) and hands over; never read from a file.
    // Empty: the environment variables the embedding section and the planner name, as for m1bot.
    QString embeddingApiKey;
    QString plannerApiKey;
    // Sections `m1bot serve` reads itself (WhatsAppConfig::fromJson, ServeSettings), kept as
    // written so their errors carry their own JSON pointers.
    QJsonObject whatsapp;             // app_secret, verify_token, token, phone_number_id, ...
    QJsonObject serve;                // port, bind, workers, executor, ...
    LogFormat logFormat = LogFormat::Text;
    QString logFile;                  // empty → stderr
    QString sourceFile;               // the file this config was read from, for messages

    // The sources to load: the configured ones, or the bundled demo when none are given.
    QStringList effectiveSpecSources() const;
};

} // namespace m1
