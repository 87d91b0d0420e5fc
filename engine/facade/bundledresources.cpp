#include "facade/bundledresources.h"

namespace m1 {

QString BundledResources::demoSpec() { return QStringLiteral(":/m1/demo/fleet-api.yaml"); }
QString BundledResources::toolDocumentation() { return QStringLiteral(":/m1/config/tool-docs.json"); }
QString BundledResources::scoringConfig() { return QStringLiteral(":/m1/config/scoring.json"); }
QString BundledResources::evalQueries() { return QStringLiteral(":/m1/eval/queries.jsonl"); }

} // namespace m1
