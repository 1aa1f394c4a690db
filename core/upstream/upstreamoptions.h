#pragma once

#include "http/httptypes.h"

#include <memory>

namespace infralab::net {
class OutgoingFaults;
}

namespace infralab::upstream {

// Timeouts and pool sizes of the upstream side of a proxying component, modelled on nginx
// (proxy_connect_timeout, proxy_read_timeout, upstream `keepalive 32`) with lab-friendly
// defaults: a lab should show a 504 in seconds, not after nginx's 60 s. These are the engine's
// defaults for code that forwards directly; a node always fills them from its kind's declared
// settings (components::upstreamOptions), whose defaults may differ.
struct UpstreamOptions
{
    int connectTimeoutMs = 5000;   // non-blocking connect must finish within this → 504
    int responseTimeoutMs = 30000; // between two reads of the response (proxy_read_timeout) → 504
    int idleTimeoutMs = 60000;     // an idle pooled connection is closed after this
    int idlePerEndpoint = 32;      // idle keep-alive connections kept per endpoint
    // X-Forwarded-For/-Proto/-Host and X-Real-IP added (the usual nginx block); off passes the
    // client's own values on unchanged, like nginx without proxy_set_header.
    bool forwardedHeaders = true;
    http::HttpLimits limits = responseLimits();
    // Fault injection on the links: every connection opened to a callee's port gets the
    // faults its policy makes (null: none).
    std::shared_ptr<const net::OutgoingFaults> faults;

    static http::HttpLimits responseLimits()
    {
        http::HttpLimits limits;
        limits.maxBody = http::HttpLimits::noBodyLimit; // bodies stream through, never buffered
        return limits;
    }
};

// How one upstream exchange ended. A proxy maps them like nginx (robustness.md §3):
// ConnectFailed, ResetBeforeResponse, InvalidResponse → 502; ConnectTimeout,
// ResponseTimeout → 504; AbortedMidBody after the head went out → abort the client.
enum class UpstreamOutcome : quint8 {
    Complete,
    ConnectFailed,       // refused or unreachable
    ConnectTimeout,      // no connection within connectTimeoutMs
    ResetBeforeResponse, // closed or reset before the first response byte
    ResponseTimeout,     // no byte for responseTimeoutMs while waiting or reading
    InvalidResponse,     // malformed, truncated head, or a protocol switch we do not relay
    AbortedMidBody,      // closed, reset or malformed inside the body
};

const char *outcomeName(UpstreamOutcome outcome); // "connect-failed", … (logs, tests)

} // namespace infralab::upstream
