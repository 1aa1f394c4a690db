#include "components/loadbalancer/balancedroute.h"

#include "http/responseparser.h"

namespace infralab::loadbalancer {

BalancedRoute::BalancedRoute(LoadBalancerHandler &handler, const httpserver::HttpExchange &exchange,
                             LoadBalancerHandler::Pick first)
    : m_handler(handler)
    , m_exchange(exchange)
    , m_backend(std::move(first.backend))
    , m_holdsSlot(true)
    , m_cookieMatches(first.fromCookie)
{}

BalancedRoute::~BalancedRoute()
{
    releaseSlot();
}

void BalancedRoute::releaseSlot()
{
    if (!std::exchange(m_holdsSlot, false))
        return;
    m_backend->release();
    m_handler.table().slotFreed();
}

quint16 BalancedRoute::endpoint(int attempt)
{
    if (attempt == 1)
        return m_backend->port;
    if (attempt > 1 + m_handler.snapshot().settings.retries)
        return 0;
    LoadBalancerHandler::Pick next = m_handler.pick(m_exchange, m_tried);
    if (next.result != LoadBalancerHandler::PickResult::Chosen)
        return 0;
    m_backend = std::move(next.backend);
    m_holdsSlot = true;
    m_cookieMatches = next.fromCookie;
    return m_backend->port;
}

void BalancedRoute::attemptEnded(upstream::UpstreamOutcome outcome, int status)
{
    // A 5xx answer or an attempt that got no valid answer counts against the backend
    // (Envoy's consecutive_5xx folds locally originated failures in as 5xx).
    const bool failed = outcome != upstream::UpstreamOutcome::Complete || status >= 500;
    if (failed)
        m_backend->failures.fetch_add(1, std::memory_order_relaxed);
    m_handler.table().outliers().record(*m_backend, failed, m_handler.snapshot().backends);
    m_tried.append(m_backend.get());
    releaseSlot();
}

bool BalancedRoute::rewriteRequestField(QByteArrayView name, QByteArrayView value,
                                        QByteArray *replacement)
{
    const QByteArray &cookie = m_handler.snapshot().settings.stickyCookie;
    if (cookie.isEmpty() || !http::equalsIgnoreCase(name, "cookie"))
        return false;
    *replacement = withoutCookie(value, cookie); // the backend never sees the balancer's cookie
    return true;
}

void BalancedRoute::responseHead(const http::ResponseHead &head, http::ResponseHeadWriter &toClient)
{
    const QByteArray &cookie = m_handler.snapshot().settings.stickyCookie;
    if (cookie.isEmpty() || m_cookieMatches)
        return;
    // HAProxy `cookie SRV insert indirect nocache`: a session cookie naming the backend, and
    // the answer marked private so shared caches do not hand it to other clients.
    toClient.add("Set-Cookie", cookie + '=' + m_backend->cookieValue + "; Path=/");
    bool hasCacheControl = false;
    for (const http::HttpField &f : head.fields)
        hasCacheControl = hasCacheControl || http::equalsIgnoreCase(f.name, "cache-control");
    if (!hasCacheControl)
        toClient.add("Cache-Control", "private");
}

} // namespace infralab::loadbalancer
