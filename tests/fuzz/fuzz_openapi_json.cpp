// libFuzzer target: OpenAPI/Swagger (and MCP tools/list, JSON Lines) sources as JSON bytes,
// through the whole registry loader and the dependency graph.

#include "openapifuzz.h"

#include "registry/documentreader.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    m1::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = m1::fuzz::bytesOf(data, size);
    // Text that does not start like JSON is read as YAML: the other target's job.
    if (!m1::DocumentReader::looksLikeJson(m1::DocumentReader::withoutBom(bytes)))
        return -1;
    m1::fuzz::loadOpenApi(bytes, QStringLiteral(":/fuzz/spec.json"));
    return 0;
}
