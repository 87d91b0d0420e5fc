#pragma once

// The embedding provider and planner an engine runs right now, and why the last change asked
// for did not take (then the previous ones still run). Plain values, for status bars and logs.

#include <QMetaType>
#include <QString>

namespace m1 {

struct ModelStatus
{
    QString embedding = QStringLiteral("local"); // "local", "openai", "azure"
    QString embeddingModel;                      // remote: the model or Azure deployment
    int dimension = 0;                           // of the current search's vectors; 0 before one
    QString planner = QStringLiteral("rules");   // "rules", "llm"
    QString plannerModel;                        // llm: "openai gpt-4o-mini", "azure fleet-gpt"
    bool applying = false;                       // a new embedding provider is being built
    QString embeddingError;                      // empty when the last request for it took
    QString plannerError;
};

} // namespace m1

Q_DECLARE_METATYPE(m1::ModelStatus)
