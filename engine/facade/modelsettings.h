#pragma once

// Which embedding provider and planner an engine should run, as a front asks for them while
// it runs: the config file's "embedding" and "planner" sections (same keys, same checks) plus
// the API keys the front keeps itself (never in the JSON).

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace m1 {

struct ModelSettings
{
    QJsonObject embedding; // EmbeddingSettings keys; empty: the local embedder
    QJsonObject planner;   // PlannerConfig keys; empty: the rules
    QString embeddingApiKey; // empty: the environment variable the section names
    QString plannerApiKey;   // empty: M1_LLM_API_KEY

    bool operator==(const ModelSettings &) const = default;
};

} // namespace m1

Q_DECLARE_METATYPE(m1::ModelSettings)
