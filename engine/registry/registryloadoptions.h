#pragma once

// How a RegistryLoader reads its sources. Plain value; the defaults suit the bundled demo and
// the real-world specs in the test corpus.

#include <QHash>
#include <QString>

namespace m1 {

struct RegistryLoadOptions
{
    QHash<QString, QString>
        extraDocumentation; // tool id or operationId -> extra text appended to embeddingText
    int networkTimeoutMs = 15000;
    int maxOutputDepth = 4;

    // Bounds that keep huge, recursive specs (stripe, kubernetes) cheap and their tools readable:
    // nested body objects are flattened this deep, and one tool gets at most this many body
    // fields and output keys (shallow ones win; the rest are dropped without an error).
    int maxBodyDepth = 5;
    int maxFieldsPerTool = 250;
};

} // namespace m1
