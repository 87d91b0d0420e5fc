#pragma once

// Logging category of the embedding layer (m1.embedding).

#include <QLoggingCategory>

namespace m1 {
Q_DECLARE_LOGGING_CATEGORY(lcEmbedding)
}
