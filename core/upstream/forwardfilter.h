#pragma once

#include "httpserver/httpfilter.h"
#include "upstream/httpforwarder.h"

namespace infralab::upstream {

// The routing filter that sends every request it gets to the node's upstreams through this
// thread's HttpForwarder (round-robin over the linked ports): nginx `proxy_pass`, as the last
// filter of a chain or behind a filter that picks which requests go upstream.
class ForwardFilter final : public httpserver::HttpFilter
{
public:
    ForwardFilter(QList<quint16> upstreamPorts, const UpstreamOptions &options,
                  std::shared_ptr<const metrics::LinkMetrics> links)
        : m_forwarder(std::move(upstreamPorts), options)
    {
        m_forwarder.setLinkMetrics(std::move(links));
    }

    Result onRequest(httpserver::HttpExchange &exchange) override
    {
        m_forwarder.forward(exchange);
        return Result::Stop;
    }

private:
    HttpForwarder m_forwarder;
};

} // namespace infralab::upstream
