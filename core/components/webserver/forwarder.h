#pragma once

namespace infralab::httpserver {
class HttpExchange;
}

namespace infralab::webserver {

// The hook for `forward_prefixes`: requests whose path starts with one of them are offered
// to the node's forwarder (the upstream client, like nginx's `location /api/ { proxy_pass }`).
// One instance per network thread, made by the factory given to WebServer.
class Forwarder
{
public:
    virtual ~Forwarder() = default;
    // True when the forwarder took the exchange (it then finishes it, possibly later);
    // false serves the request as a static file, as nginx does without a matching location.
    virtual bool forward(httpserver::HttpExchange &exchange) = 0;
};

} // namespace infralab::webserver
