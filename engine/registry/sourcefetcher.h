#pragma once

// Where the loader gets bytes from: an interface so tests (and the console) can serve specs
// from memory or a loopback server. Implementations must be callable from any thread and
// never throw.

#include <QByteArray>
#include <QString>

namespace m1 {

struct FetchResult
{
    QByteArray data;
    QString error; // empty on success: "HTTP 404 Not Found", "file not found", "timed out after
                   // 15000 ms"

    bool ok() const { return error.isEmpty(); }
};

class SourceFetcher
{
public:
    virtual ~SourceFetcher() = default;
    // `location` is a local path, a Qt resource path (":/..."), or an http(s)/file URL.
    virtual FetchResult fetch(const QString &location) const = 0;
};

} // namespace m1
