// libFuzzer target: OpenAPI/Swagger sources as YAML bytes (yaml-cpp's event parser and our
// YAML → JSON conversion with its depth and alias limits), through the whole registry loader
// and the dependency graph.

#include "openapifuzz.h"

#include "registry/documentreader.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    m1::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes = m1::fuzz::bytesOf(data, size);
    // The reader takes text starting with '{' or '[' for JSON; a comment line in front keeps
    // flow-style YAML on the YAML path.
    if (m1::DocumentReader::looksLikeJson(m1::DocumentReader::withoutBom(bytes)))
        bytes.prepend("#\n");
    m1::fuzz::loadOpenApi(bytes, QStringLiteral(":/fuzz/spec.yaml"));
    return 0;
}
