#pragma once

// The default SourceFetcher: files (and Qt resources) through QFile, http(s) through Qt
// Network. An HTTP fetch blocks its calling thread on a local event loop, so call it from a
// worker thread (the loader runs on one), never from the GUI thread.

#include "registry/sourcefetcher.h"

namespace m1 {

class FileAndHttpFetcher final : public SourceFetcher
{
public:
    explicit FileAndHttpFetcher(int timeoutMs = 15000, qint64 maxBytes = 64 * 1024 * 1024)
        : m_timeoutMs(timeoutMs)
        , m_maxBytes(maxBytes)
    {
    }

    FetchResult fetch(const QString &location) const override;

private:
    FetchResult fetchFile(const QString &path) const;
    FetchResult fetchHttp(const QString &url) const;

    int m_timeoutMs;
    qint64 m_maxBytes;
};

} // namespace m1
