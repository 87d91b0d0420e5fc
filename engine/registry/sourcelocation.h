#pragma once

// Names of sources: local paths, Qt resource paths (":/spec/fleet.yaml") and URLs. Turns them
// into stable document keys and resolves relative `$ref`s and server URLs against them.

#include <QString>

namespace m1 {

class SourceLocation
{
public:
    static bool isHttpUrl(const QString &location);
    static bool isFileUrl(const QString &location);
    static bool isResource(const QString &location) { return location.startsWith(u":/"); }

    // A local path for file URLs and paths; the location itself otherwise.
    static QString localPath(const QString &location);
    // The key a document is cached under: an absolute clean path, a resource path, or the URL
    // without its fragment.
    static QString documentKey(const QString &location);
    // `reference` (a `$ref` without its fragment) read relative to the document `baseKey`.
    static QString resolve(const QString &baseKey, const QString &reference);
};

} // namespace m1
