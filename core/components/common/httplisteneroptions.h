#pragma once

#include "httpserver/httpserveroptions.h"
#include "upstream/upstreamoptions.h"

namespace infralab {
class Settings;
}

namespace infralab::components {

// The client side of an HTTP node from its settings: the catalogue's httpListenerKeys
// (header/body/send/keep-alive timeouts, max_body_bytes, max_connections), read the same way
// by every HTTP kind, as nginx's client_header_timeout, client_body_timeout, send_timeout,
// keepalive_timeout, client_max_body_size and worker_connections.
httpserver::HttpServerOptions httpListenerOptions(const Settings &settings);

// The upstream side from the catalogue's upstreamKeys (connect_timeout_ms,
// response_timeout_ms, upstream_keepalive), as nginx's proxy_connect_timeout,
// proxy_read_timeout and upstream keepalive. Kinds that declare `forwarded_headers` read it
// themselves.
upstream::UpstreamOptions upstreamOptions(const Settings &settings);

} // namespace infralab::components
