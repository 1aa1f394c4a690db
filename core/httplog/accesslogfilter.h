#pragma once

#include "httplog/accesslog.h"
#include "httpserver/httpfilter.h"

#include <memory>

namespace infralab::httplog {

// The first filter of every HTTP node's chain: it passes each request on and, once the
// response is complete (whoever answered it: a stats page, the cache, an upstream), records
// the exchange in this thread's ring of the node's access log (nginx's access_log, written
// in the log phase after the response).
class AccessLogFilter final : public httpserver::HttpFilter
{
public:
    explicit AccessLogFilter(std::shared_ptr<AccessLog> log)
        : m_log(std::move(log))
        , m_ring(m_log->addRing())
    {}

    static httpserver::HttpFilterFactory factory(std::shared_ptr<AccessLog> log)
    {
        return [log = std::move(log)] {
            return std::make_unique<AccessLogFilter>(log);
        };
    }

    Result onRequest(httpserver::HttpExchange &) override { return Result::Continue; }
    void onFinished(const httpserver::HttpExchange &exchange) override
    {
        m_log->record(*m_ring, exchange);
    }

private:
    std::shared_ptr<AccessLog> m_log;
    std::shared_ptr<AccessLog::Ring> m_ring;
};

} // namespace infralab::httplog
