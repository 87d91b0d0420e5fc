#pragma once

// Limits and timeouts of the channel's HTTP server.

#include "channel/httprequestparser.h"

namespace m1 {

struct HttpServerOptions
{
    HttpRequestParser::Limits limits;
    int requestTimeoutMs = 30'000; // from the first byte of a request to its last
    int idleTimeoutMs = 60'000; // a kept-alive connection with no request in progress
    int maxConnections = 512; // further connections are closed at once
};

} // namespace m1
