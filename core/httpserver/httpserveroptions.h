#pragma once

#include "http/httptypes.h"

namespace infralab::httpserver {

// Limits and timeouts of one HTTP listener (defaults from the engine issue and robustness.md:
// slowloris gets 10 s for a whole head, then 408). These are the engine's defaults for code
// that runs an HttpServer directly; a node always fills them from its kind's declared settings
// (components::httpListenerOptions), whose defaults may differ (max_connections 1024).
struct HttpServerOptions
{
    http::HttpLimits limits;
    int maxConnections = 10000;
    int headerTimeoutMs = 10000;    // a request head must complete within this → 408
    int bodyTimeoutMs = 30000;      // no body byte for this long → 408
    int keepAliveTimeoutMs = 60000; // idle between requests → closed silently
    int sendTimeoutMs = 60000;      // the client does not read for this long → dropped
    int drainTimeoutMs = 5000;      // on stop, in-flight requests get this long
    int keepAliveRequests = 10000;  // requests per connection before Connection: close
};

} // namespace infralab::httpserver
