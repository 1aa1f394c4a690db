#include "httpserver/httpfilter.h"

namespace infralab::httpserver {

FilterChain::~FilterChain() = default;

std::unique_ptr<FilterChain> FilterChain::build(const std::vector<HttpFilterFactory> &factories)
{
    auto chain = std::make_unique<FilterChain>();
    for (const HttpFilterFactory &factory : factories)
        chain->append(factory());
    return chain;
}

void FilterChain::append(std::unique_ptr<HttpFilter> filter)
{
    if (filter->wantsResponseHead())
        m_responseFilters.push_back(filter.get());
    m_filters.push_back(std::move(filter));
}

void FilterChain::handle(HttpExchange &exchange)
{
    // Only a chain with response filters is asked for heads: none costs nothing per response.
    exchange.m_filters = m_responseFilters.empty() ? nullptr : this;
    run(exchange, 0);
}

void FilterChain::resume(HttpExchange &exchange, const HttpFilter *stopped)
{
    for (size_t i = 0; i < m_filters.size(); ++i) {
        if (m_filters[i].get() == stopped) {
            run(exchange, i + 1);
            return;
        }
    }
    Q_ASSERT_X(false, "FilterChain::resume", "not a filter of this chain");
}

void FilterChain::run(HttpExchange &exchange, size_t from)
{
    for (size_t i = from; i < m_filters.size(); ++i) {
        if (m_filters[i]->onRequest(exchange) == HttpFilter::Result::Stop)
            return;
    }
    // Every filter passed it on and none answered: nothing here serves it.
    exchange.sendError(404);
}

void FilterChain::responseHead(const HttpExchange &exchange, http::ResponseHeadWriter &head)
{
    for (HttpFilter *filter : m_responseFilters)
        filter->onResponseHead(exchange, head);
}

void FilterChain::finished(const HttpExchange &exchange)
{
    for (auto it = m_filters.rbegin(); it != m_filters.rend(); ++it)
        (*it)->onFinished(exchange);
}

} // namespace infralab::httpserver
