#include "embedding/embeddinglog.h"

namespace m1 {
Q_LOGGING_CATEGORY(lcEmbedding, "m1.embedding")
}
