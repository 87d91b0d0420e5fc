#pragma once

// A problem found while loading a tool source. Loading never stops at the first one: each
// error names where it is (source and JSON pointer) and what was expected, and the rest of
// the source still loads.

#include <QString>

namespace m1 {

struct LoadError
{
    enum class Severity { Warning, Error };

    QString source;   // file path or URL
    QString pointer;  // JSON pointer inside the source ("/paths/~1vehicles/get"); empty for the whole file
    QString message;  // what was wrong and what was expected
    Severity severity = Severity::Error;

    // "fleet.yaml#/paths/~1vehicles/get: expected an object, found a string"
    QString toString() const;
    bool operator==(const LoadError &) const = default;
};

} // namespace m1
