#pragma once

#include "httpserver/httpexchange.h"

#include <functional>
#include <memory>
#include <vector>

namespace infralab::httpserver {

// One step of an HTTP node's request handling (Envoy's HTTP filter model). A node's handler
// is a FilterChain: a list of filters built per network thread by factories when the config
// is applied, passed by each request in order until one answers it. Filters that only look
// (logs, counters) continue; filters that decide (a stats page, authentication, a rate
// limit, an injected fault) answer and stop; the last one routes (serves files, forwards).
class HttpFilter
{
public:
    enum class Result : quint8 {
        Continue, // on to the next filter
        Stop,     // answered here, or taken over: FilterChain::resume() continues it later
    };

    virtual ~HttpFilter() = default;
    virtual Result onRequest(HttpExchange &exchange) = 0;
    // Filters that return true get onResponseHead() for every response of the chain.
    virtual bool wantsResponseHead() const { return false; }
    // Just before a response head is finished, whoever answered: add fields.
    virtual void onResponseHead(const HttpExchange &exchange, http::ResponseHeadWriter &head)
    {
        Q_UNUSED(exchange);
        Q_UNUSED(head);
    }
    // After each response is complete, in reverse order (logs, metrics, releasing what a
    // request held).
    virtual void onFinished(const HttpExchange &exchange) { Q_UNUSED(exchange); }
};

// Makes one filter for one network thread.
using HttpFilterFactory = std::function<std::unique_ptr<HttpFilter>()>;

// The filters of one node in one network thread, as the server's handler.
class FilterChain final : public HttpHandler
{
    Q_DISABLE_COPY_MOVE(FilterChain)

public:
    FilterChain() = default;
    ~FilterChain() override;

    // One filter from each factory, in order.
    static std::unique_ptr<FilterChain> build(const std::vector<HttpFilterFactory> &factories);
    void append(std::unique_ptr<HttpFilter> filter);
    qsizetype size() const { return qsizetype(m_filters.size()); }
    HttpFilter *at(qsizetype index) const { return m_filters.at(size_t(index)).get(); }

    void handle(HttpExchange &exchange) override;
    void finished(const HttpExchange &exchange) override;
    // Continues a request that `stopped` stopped, with the filter after it (an asynchronous
    // filter, once it has what it waited for).
    void resume(HttpExchange &exchange, const HttpFilter *stopped);
    void responseHead(const HttpExchange &exchange, http::ResponseHeadWriter &head);

private:
    void run(HttpExchange &exchange, size_t from);

    std::vector<std::unique_ptr<HttpFilter>> m_filters;
    std::vector<HttpFilter *> m_responseFilters;
};

} // namespace infralab::httpserver
