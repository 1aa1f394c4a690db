#include "upstream/httpforwarder.h"

#include "httpserver/httpexchange.h"
#include "metrics/linkmetrics.h"
#include "net/clock.h"
#include "net/connectionshard.h"
#include "upstream/proxyfields.h"
#include "upstream/upstreamexchange.h"
#include "upstream/upstreampool.h"

namespace infralab::upstream {

namespace {
// Stop reading the upstream while this much is queued for the client (proxy_buffers-like).
constexpr qsizetype ClientHighWater = 256 * 1024;

} // namespace

// One forwarded request: builds the upstream request once, tries endpoints, relays the answer.
class HttpForwarder::Relay final : public UpstreamListener
{
public:
    Relay(HttpForwarder &forwarder, httpserver::HttpExchange &client,
          std::unique_ptr<ForwardTap> tap, std::unique_ptr<ForwardRoute> route)
        : m_forwarder(forwarder)
        , m_client(&client)
        , m_tap(std::move(tap))
        , m_route(std::move(route))
    {}
    ~Relay() override
    {
        if (m_upstream) {
            m_upstream->cancel();
            delete m_upstream; // never inside its callbacks: see done()
        }
    }

    void start();
    void upstreamHead(const http::ResponseHead &head) override;
    void upstreamBody(QByteArrayView data) override;
    void upstreamFinished(UpstreamOutcome outcome) override;
    bool acceptsWhole() const override { return true; }
    void upstreamWhole(const http::ResponseHead &head, QByteArrayView body) override;
    void recordAttempt(metrics::TrafficCounters &link, UpstreamOutcome outcome);

private:
    bool buildRequest();
    bool attempt();
    http::ResponseHeadWriter &beginResponse(const http::ResponseHead &head,
                                            QByteArrayView *contentLength);
    void fail(bool timeout);
    void done();

    HttpForwarder &m_forwarder;
    httpserver::HttpExchange *m_client;
    UpstreamRequest m_request;
    UpstreamExchange *m_upstream = nullptr;
    std::unique_ptr<ForwardTap> m_tap;
    std::unique_ptr<ForwardRoute> m_route;
    int m_attempts = 0;
    int m_status = 0;                           // of the current attempt's head
    metrics::TrafficCounters *m_link = nullptr; // the current attempt's link, when recorded
    qint64 m_attemptStartUs = 0;
};

void HttpForwarder::Relay::start()
{
    m_client->setOnCancelled([this] {
        m_client = nullptr; // the client went away: drop the upstream side too
        if (m_upstream)
            m_upstream->cancel();
        done();
    });
    if (!m_route && m_forwarder.m_ports.isEmpty()) {
        m_client->sendError(502);
        done();
        return;
    }
    if (!buildRequest()) {
        m_client->sendError(400);
        done();
        return;
    }
    if (!attempt())
        fail(false);
}

bool HttpForwarder::Relay::buildRequest()
{
    ForwardedRequestOptions options;
    options.peer = m_client->peerAddress();
    options.forwardedHeaders = m_forwarder.m_options.forwardedHeaders;
    options.wholeResource = m_tap && m_tap->wantsWholeResource();
    options.rewriter = m_route.get();
    return writeForwardedRequest(m_client->request(), m_client->body(), options, m_request);
}

bool HttpForwarder::Relay::attempt()
{
    ++m_attempts;
    m_status = 0;
    quint16 port = 0;
    if (m_route)
        port = m_route->endpoint(m_attempts);
    else if (m_attempts <= m_forwarder.m_ports.size())
        port = m_forwarder.nextPort();
    if (port == 0)
        return false;
    if (m_forwarder.m_links) {
        m_link = m_forwarder.m_links->counters(port, m_forwarder.m_linkThread);
        if (m_link) {
            m_link->addRequest();
            m_attemptStartUs = net::steadyNowUs();
        }
    }
    m_upstream = new UpstreamExchange(*m_forwarder.m_pool, port, m_request, this);
    m_upstream->start();
    return true;
}

// The attempt as the link's caller saw it: a status with the time to the answer, or the
// error kind.
void HttpForwarder::Relay::recordAttempt(metrics::TrafficCounters &link, UpstreamOutcome outcome)
{
    using metrics::ErrorKind;
    switch (outcome) {
    case UpstreamOutcome::Complete:
        link.addResponse(m_status, net::steadyNowUs() - m_attemptStartUs);
        return;
    case UpstreamOutcome::ConnectFailed: link.addError(ErrorKind::ConnectRefused); return;
    case UpstreamOutcome::ConnectTimeout:
    case UpstreamOutcome::ResponseTimeout: link.addError(ErrorKind::Timeout); return;
    case UpstreamOutcome::ResetBeforeResponse:
    case UpstreamOutcome::AbortedMidBody: link.addError(ErrorKind::Reset); return;
    case UpstreamOutcome::InvalidResponse: link.addError(ErrorKind::Protocol); return;
    }
}

void HttpForwarder::Relay::fail(bool timeout)
{
    m_client->sendError(timeout ? 504 : 502);
    done();
}

// The client's response head: the upstream's fields without hop-by-hop ones and the length,
// then what the tap and the route add.
http::ResponseHeadWriter &HttpForwarder::Relay::beginResponse(const http::ResponseHead &head,
                                                              QByteArrayView *contentLength)
{
    http::ResponseHeadWriter &writer = m_client->begin(head.status);
    const ConnectionOptions connection(head.fields);
    for (const http::HttpField &f : head.fields) {
        const ProxyField kind = classifyProxyField(f.name);
        if (kind == ProxyField::ContentLength)
            *contentLength = f.value;
        // Date and Server are ours (nginx hides the upstream's by default).
        else if (kind != ProxyField::Date && kind != ProxyField::Server
                 && !connection.isHopByHop(kind, f.name))
            writer.add(f.name, f.value);
    }
    if (m_tap)
        m_tap->responseHead(head, writer);
    if (m_route)
        m_route->responseHead(head, writer);
    m_status = head.status;
    return writer;
}

// The whole answer at once: head and body leave in one write.
void HttpForwarder::Relay::upstreamWhole(const http::ResponseHead &head, QByteArrayView body)
{
    if (!m_client) {
        done();
        return;
    }
    QByteArrayView contentLength;
    beginResponse(head, &contentLength);
    if (m_tap)
        m_tap->responseBody(body);
    if (m_route)
        m_route->attemptEnded(UpstreamOutcome::Complete, head.status);
    if (auto *link = std::exchange(m_link, nullptr)) {
        link->addBytesIn(body.size());
        recordAttempt(*link, UpstreamOutcome::Complete);
    }
    if (auto tap = std::exchange(m_tap, nullptr))
        tap->finished(true); // stored before the client has the last byte, as below
    m_client->send(body);
    done();
}

void HttpForwarder::Relay::upstreamHead(const http::ResponseHead &head)
{
    if (!m_client)
        return;
    QByteArrayView contentLength;
    beginResponse(head, &contentLength);
    qint64 length = -1;
    if (head.framing == http::BodyFraming::ContentLength)
        length = head.contentLength;
    else if (head.framing == http::BodyFraming::None)
        length = m_client->isHead() && !contentLength.isEmpty() ? contentLength.toLongLong() : 0;
    if (m_client->isHead() && length < 0 && !contentLength.isEmpty())
        length = contentLength.toLongLong();
    m_client->setOnDrained([this] {
        if (m_upstream)
            m_upstream->resume();
    });
    m_client->sendHead(length);
}

void HttpForwarder::Relay::upstreamBody(QByteArrayView data)
{
    if (m_link)
        m_link->addBytesIn(data.size());
    if (m_tap && m_client)
        m_tap->responseBody(data);
    if (!m_client || !m_client->writeBody(data))
        return; // the client is gone: the cancel callback dropped the upstream
    if (m_client->pendingOutput() > ClientHighWater)
        m_upstream->pause(); // memory stays bounded by a slow client
}

void HttpForwarder::Relay::upstreamFinished(UpstreamOutcome outcome)
{
    if (!m_client) {
        done();
        return;
    }
    if (m_route)
        m_route->attemptEnded(outcome, m_status);
    if (auto *link = std::exchange(m_link, nullptr))
        recordAttempt(*link, outcome);
    if (outcome == UpstreamOutcome::Complete) {
        // The tap hears first: a cache entry is stored before the client has the last byte.
        if (auto tap = std::exchange(m_tap, nullptr))
            tap->finished(true);
        m_client->finishBody();
        done();
        return;
    }
    if (m_client->isHeadSent()) {
        m_client->abort(); // the client must see the truncation (robustness.md §3)
        done();
        return;
    }
    // nginx proxy_next_upstream "error timeout": a failed connect sent nothing, so any method
    // may go to the next endpoint; a reset before the answer only for idempotent methods
    // (RFC 9112 §9.3.1, never replay a POST).
    const bool nothingSent
        = outcome == UpstreamOutcome::ConnectFailed || outcome == UpstreamOutcome::ConnectTimeout;
    const bool replaySafe
        = outcome == UpstreamOutcome::ResetBeforeResponse && http::isIdempotent(m_request.method);
    if (nothingSent || replaySafe) {
        m_forwarder.m_pool->retire(std::exchange(m_upstream, nullptr));
        if (attempt())
            return;
    }
    fail(outcome == UpstreamOutcome::ConnectTimeout || outcome == UpstreamOutcome::ResponseTimeout);
}

void HttpForwarder::Relay::done()
{
    // Called from callbacks of the client exchange or of the upstream one: delete from the
    // event loop (retire()).
    if (auto tap = std::exchange(m_tap, nullptr))
        tap->finished(false);
    if (m_client) {
        m_client->setOnCancelled(nullptr);
        m_client->setOnDrained(nullptr);
        m_client = nullptr;
    }
    if (m_upstream) {
        m_upstream->cancel();
        m_forwarder.m_pool->retire(std::exchange(m_upstream, nullptr));
    }
    m_route.reset(); // a balancer's slot is free as soon as the exchange ends
    m_forwarder.retire(this);
}

void HttpForwarder::retire(Relay *relay)
{
    // One posted event per batch of finished relays. If the forwarder goes first, its
    // destructor deletes them and the queued call dies with the pool.
    m_retired.append(relay);
    if (m_retired.size() > 1)
        return;
    QMetaObject::invokeMethod(
        m_pool.get(),
        [this] {
            for (Relay *relay : std::exchange(m_retired, {})) {
                if (m_relays.remove(relay))
                    delete relay;
            }
        },
        Qt::QueuedConnection);
}

HttpForwarder::HttpForwarder(QList<quint16> upstreamPorts, const UpstreamOptions &options)
    : m_ports(std::move(upstreamPorts))
    , m_options(options)
{}

HttpForwarder::~HttpForwarder()
{
    m_retired.clear();
    qDeleteAll(std::exchange(m_relays, {}));
    m_pool.reset();
}

void HttpForwarder::forward(httpserver::HttpExchange &exchange, std::unique_ptr<ForwardTap> tap,
                            std::unique_ptr<ForwardRoute> route)
{
    if (!m_pool)
        m_pool = std::make_unique<UpstreamPool>(m_options);
    if (m_links)
        m_linkThread = m_links->threadIndex();
    auto *relay = new Relay(*this, exchange, std::move(tap), std::move(route));
    m_relays.insert(relay);
    relay->start();
}

} // namespace infralab::upstream
