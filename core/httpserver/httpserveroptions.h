#pragma once

#include "http/httptypes.h"

#include <atomic>

namespace infralab::httpserver {

// Limits and timeouts of one HTTP listener (defaults from the engine issue and robustness.md:
// slowloris gets 10 s for a whole head, then 408).
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

// Counters every listener keeps; updated with relaxed atomics on the hot path, read by the
// metrics collector. (Per-thread sharding comes with the metrics work.)
struct HttpServerStats
{
    std::atomic<quint64> requests{0};
    std::atomic<quint64> responses[6]{}; // index = status / 100 (1xx … 5xx), 0 unused
    std::atomic<quint64> bytesIn{0};
    std::atomic<quint64> bytesOut{0};
    std::atomic<quint64> protocolErrors{0};
    std::atomic<quint64> timeouts{0};
};

} // namespace infralab::httpserver
