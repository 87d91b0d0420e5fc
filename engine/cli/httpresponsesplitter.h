#pragma once

// Cuts whole HTTP/1.1 responses off the front of what a keep-alive connection has read, for the
// load clients, which send raw requests and need only each answer's status, as fast as possible.

#include <QByteArray>

#include <optional>

namespace m1 {

class HttpResponseSplitter
{
public:
    // The status of the first response in `buffer` (0 when the status line is not a number),
    // removed from it with its body; nullopt while its head or body is still incomplete.
    static std::optional<int> takeStatus(QByteArray &buffer);
};

} // namespace m1
