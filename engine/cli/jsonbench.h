#pragma once

// JSON on the hot path, Qt against simdjson: the documents one message touches — the webhook
// body (one message, and a batch with statuses), the inbound stream record, the conversation
// state and history blobs — each parsed and every value visited, by QJsonDocument and by
// simdjson's DOM parser. Reports microseconds per document (json_qt_us, json_simdjson_us) and
// the time of the engine's real decoders on the same documents (json_engine_us).

#include "cli/benchsection.h"

namespace m1 {

class JsonBench final : public BenchSection
{
public:
    QString name() const override { return QStringLiteral("json"); }
    bool run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx) override;
};

} // namespace m1
