#pragma once

// Picks the media type a tool should speak when an API offers several.

#include <QString>
#include <QStringList>

namespace m1::MediaTypes {

// application/json first, then any other JSON type (+json, json;charset=...), then JSON for a
// "*/*" wildcard, else the first.
QString preferred(const QStringList &mediaTypes);

} // namespace m1::MediaTypes
