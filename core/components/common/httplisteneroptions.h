#pragma once

#include "httpserver/httpserveroptions.h"
#include "upstream/upstreamoptions.h"

#include <QJsonObject>

namespace infralab::components {

// The client side of an HTTP node from its effective config: the catalogue's
// httpListenerKeys (header/body/send/keep-alive timeouts, max_body_bytes, max_connections),
// read the same way by every proxying kind.
httpserver::HttpServerOptions httpListenerOptions(const QJsonObject &effectiveConfig);

// The upstream side from the catalogue's upstreamKeys (connect_timeout_ms,
// response_timeout_ms, upstream_keepalive) and forwarded_headers.
upstream::UpstreamOptions upstreamOptions(const QJsonObject &effectiveConfig);

} // namespace infralab::components
