#pragma once

#include "components/loadbalancer/loadbalancerhandler.h"

namespace infralab::loadbalancer {

// One balanced request's way through the forwarder: holds the slot on the backend of the
// current attempt, counts its outcome (failures, passive ejection), picks another backend for
// a retry (the forwarder only asks when retrying is safe: nothing was sent, or an idempotent
// request got no byte back) up to `retries` times, and inserts the sticky cookie into the
// answer. Releases its slot when the attempt ends or the client goes away.
class BalancedRoute final : public upstream::ForwardRoute
{
    Q_DISABLE_COPY_MOVE(BalancedRoute)

public:
    BalancedRoute(LoadBalancerHandler &handler, const httpserver::HttpExchange &exchange,
                  LoadBalancerHandler::Pick first);
    ~BalancedRoute() override;

    quint16 endpoint(int attempt) override;
    void attemptEnded(upstream::UpstreamOutcome outcome, int status) override;
    bool rewriteRequestField(QByteArrayView name, QByteArrayView value,
                             QByteArray *replacement) override;
    void responseHead(const http::ResponseHead &head, http::ResponseHeadWriter &toClient) override;

private:
    void releaseSlot();

    LoadBalancerHandler &m_handler;
    const httpserver::HttpExchange &m_exchange;
    std::shared_ptr<Backend> m_backend;
    LoadBalancerHandler::Tried m_tried;
    bool m_holdsSlot = false;
    bool m_cookieMatches = false; // the request's sticky cookie names m_backend
};

} // namespace infralab::loadbalancer
