#pragma once

// Paths of the demo data compiled into the engine, so every front starts on a working example
// with nothing installed or configured.

#include <QString>

namespace m1 {

class BundledResources
{
public:
    static QString demoSpec();          // the fleet-mobility backend API (OpenAPI 3.0 YAML)
    static QString toolDocumentation(); // per-tool examples and synonyms
    static QString scoringConfig();     // search weights and thresholds
    static QString evalQueries();       // labelled evaluation queries (JSON Lines)
};

} // namespace m1
