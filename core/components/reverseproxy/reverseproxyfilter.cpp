#include "components/reverseproxy/reverseproxyfilter.h"

#include "components/reverseproxy/cachepolicy.h"
#include "components/reverseproxy/responsecache.h"
#include "http/requestconditions.h"
#include "http/responseparser.h"
#include "net/clock.h"

#include <QDateTime>
#include <QTimer>

#include <cstdio>

namespace infralab::reverseproxy {

namespace {

// RFC 9111 §3.1: hop-by-hop fields are not stored; Date, Server, Age and the length are ours.
bool storedField(const QList<http::HttpField> &fields, QByteArrayView name)
{
    for (const char *skip : {"connection", "keep-alive", "te", "trailer", "transfer-encoding",
                             "upgrade", "proxy-connection", "proxy-authenticate", "date", "server",
                             "age", "content-length", "x-cache"}) {
        if (http::equalsIgnoreCase(name, skip))
            return false;
    }
    for (const http::HttpField &f : fields) {
        if (http::equalsIgnoreCase(f.name, "connection") && http::listContainsToken(f.value, name))
            return false;
    }
    return true;
}

// RFC 9111 §3.5: a shared cache does not reuse answers to requests with credentials.
bool cacheableRequest(const http::RequestHead &request)
{
    return (request.method == http::HttpMethod::Get || request.method == http::HttpMethod::Head)
           && !request.hasField("authorization");
}

// One cache fill riding on a forwarded exchange: labels the response, decides at the head
// whether it may be stored, buffers the body up to the per-entry limit and stores it once
// the whole response went out. Without a fill key it only labels (a request that went
// upstream uncached while another fill of its key runs).
class CacheFill final : public upstream::ForwardTap
{
public:
    CacheFill(std::shared_ptr<ResponseCache> cache, QByteArray fillKey, QByteArray primaryKey,
              const http::RequestHead &request, const char *label, qint64 ttlS,
              qint64 entryMaxBytes)
        : m_cache(std::move(cache))
        , m_fillKey(std::move(fillKey))
        , m_primaryKey(std::move(primaryKey))
        , m_request(&request)
        , m_label(label)
        , m_ttlS(ttlS)
        , m_entryMaxBytes(entryMaxBytes)
    {}
    ~CacheFill() override { giveUp(); }

    bool wantsWholeResource() const override { return !m_fillKey.isEmpty(); }

    void responseHead(const http::ResponseHead &head, http::ResponseHeadWriter &toClient) override
    {
        toClient.add("X-Cache", m_label);
        if (m_fillKey.isEmpty())
            return;
        const CacheDecision decision
            = decideCaching(head.status, head.fields, QDateTime::currentSecsSinceEpoch(), m_ttlS);
        if (!decision.store
            || (head.framing == http::BodyFraming::ContentLength
                && head.contentLength > m_entryMaxBytes)) {
            giveUp(); // waiters go upstream themselves at once
            return;
        }
        auto entry = std::make_shared<CachedResponse>();
        entry->status = head.status;
        for (const http::HttpField &f : head.fields) {
            if (storedField(head.fields, f.name))
                entry->fields.append({f.name.toByteArray(), f.value.toByteArray()});
        }
        entry->target = m_request->target.toByteArray();
        entry->initialAgeS = decision.initialAgeS;
        entry->revalidate = decision.revalidate;
        m_ttlMs = decision.ttlMs;
        m_varyNames = decision.varyNames;
        m_key = ResponseCache::variantKey(m_primaryKey, m_varyNames, *m_request);
        m_entry = std::move(entry);
    }

    void responseBody(QByteArrayView data) override
    {
        if (!m_entry)
            return;
        if (m_entry->body.size() + data.size() > m_entryMaxBytes) {
            giveUp(); // too large to keep: it streams on uncached
            return;
        }
        m_entry->body.append(data);
    }

    void finished(bool complete) override
    {
        if (!m_entry || !complete) {
            giveUp();
            return;
        }
        m_entry->storedMs = net::steadyNowMs();
        m_entry->expiresMs = m_entry->storedMs + m_ttlMs;
        m_entry->body.squeeze();
        m_cache->store(std::exchange(m_fillKey, {}), m_primaryKey, m_varyNames, m_key,
                       std::move(m_entry));
    }

private:
    void giveUp()
    {
        m_entry.reset();
        if (!m_fillKey.isEmpty())
            m_cache->endFill(std::exchange(m_fillKey, {}));
    }

    std::shared_ptr<ResponseCache> m_cache;
    QByteArray m_fillKey;
    QByteArray m_primaryKey;
    const http::RequestHead *m_request; // valid until the response is finished
    const char *m_label;
    qint64 m_ttlS;
    qint64 m_entryMaxBytes;
    std::shared_ptr<CachedResponse> m_entry;
    QByteArray m_key;
    QList<QByteArray> m_varyNames;
    qint64 m_ttlMs = 0;
};

} // namespace

// A request waiting for another one's fill of its key.
struct ReverseProxyFilter::Parked
{
    httpserver::HttpExchange *exchange;
    QByteArray primaryKey;
    bool active = true; // false once resumed or once the client went away
};

ReverseProxyFilter::ReverseProxyFilter(const ReverseProxyConfig &config,
                                       QList<quint16> upstreamPorts,
                                       std::shared_ptr<ResponseCache> cache)
    : m_forwarder(std::move(upstreamPorts), config.upstream)
    , m_cache(std::move(cache))
    , m_ttlS(config.cacheTtlS)
    , m_entryMaxBytes(config.cacheEntryMaxBytes)
    , m_lockTimeoutMs(config.cacheLockTimeoutMs)
{}

ReverseProxyFilter::~ReverseProxyFilter()
{
    // No fill may post to the context once it is gone; events already posted die with it.
    if (m_cache && m_context)
        m_cache->dropWaiters(m_context.get());
}

httpserver::HttpFilter::Result ReverseProxyFilter::onRequest(httpserver::HttpExchange &exchange)
{
    const http::RequestHead &request = exchange.request();
    if (!m_cache || !cacheableRequest(request)) {
        m_forwarder.forward(exchange); // the uncached path never touches the cache's lock
        return Result::Stop;
    }
    if (!m_context)
        m_context = std::make_unique<QObject>();
    // nginx's default key $scheme$proxy_host$request_uri, with the client's Host: one proxy
    // serves one site here, and the raw target keeps /a%2Fb and /a/b apart.
    QByteArray primaryKey;
    primaryKey.reserve(request.host.size() + request.target.size());
    primaryKey.append(request.host).append(request.target);
    lookUp(exchange, primaryKey, true);
    return Result::Stop;
}

void ReverseProxyFilter::lookUp(httpserver::HttpExchange &exchange, const QByteArray &primaryKey,
                                bool mayWait)
{
    const qint64 now = net::steadyNowMs();
    std::shared_ptr<Parked> parked;
    ResponseCache::Waiter waiter;
    if (mayWait) {
        parked = std::make_shared<Parked>(Parked{&exchange, primaryKey});
        waiter = {m_context.get(), [this, parked] {
                      resume(parked);
                  }};
    }
    ResponseCache::Lookup found
        = m_cache->lookup(primaryKey, exchange.request(), now, mayWait ? &waiter : nullptr);
    switch (found.kind) {
    case ResponseCache::Lookup::Hit: serveHit(exchange, *found.entry, now); return;
    case ResponseCache::Lookup::Fill:
        m_forwarder.forward(exchange,
                            std::make_unique<CacheFill>(
                                m_cache, std::move(found.key), primaryKey, exchange.request(),
                                found.expired ? "EXPIRED" : "MISS", m_ttlS, m_entryMaxBytes));
        return;
    case ResponseCache::Lookup::Busy:
        m_forwarder.forward(exchange, std::make_unique<CacheFill>(
                                          m_cache, QByteArray(), primaryKey, exchange.request(),
                                          found.expired ? "EXPIRED" : "MISS", 0, 0));
        return;
    case ResponseCache::Lookup::Wait:
        exchange.setOnCancelled([parked] { parked->active = false; });
        QTimer::singleShot(m_lockTimeoutMs, m_context.get(), [this, parked] { resume(parked); });
        return;
    }
}

void ReverseProxyFilter::resume(const std::shared_ptr<Parked> &parked)
{
    if (!parked->active)
        return;
    parked->active = false;
    parked->exchange->setOnCancelled(nullptr);
    lookUp(*parked->exchange, parked->primaryKey, false);
}

void ReverseProxyFilter::serveHit(httpserver::HttpExchange &exchange, const CachedResponse &entry,
                                  qint64 nowMs)
{
    // RFC 9110 §13.1.2: a stored entity tag the client already has → 304 with the fields
    // §15.4.5 lists (nginx's not-modified filter does this for cached responses too).
    const QByteArrayView ifNoneMatch = exchange.request().field("if-none-match");
    bool notModified = false;
    if (!ifNoneMatch.isNull() && entry.status == 200) {
        for (const auto &[name, value] : entry.fields) {
            if (http::equalsIgnoreCase(name, "etag"))
                notModified = http::noneMatchHits(ifNoneMatch, value);
        }
    }
    http::ResponseHeadWriter &writer = exchange.begin(notModified ? 304 : entry.status);
    for (const auto &[name, value] : entry.fields) {
        if (!notModified || http::equalsIgnoreCase(name, "etag")
            || http::equalsIgnoreCase(name, "cache-control")
            || http::equalsIgnoreCase(name, "expires") || http::equalsIgnoreCase(name, "vary")
            || http::equalsIgnoreCase(name, "content-location"))
            writer.add(name, value);
    }
    // RFC 9111 §5.1: the upstream's Age plus our resident time.
    const qint64 age = entry.initialAgeS + (nowMs - entry.storedMs) / 1000;
    char ageText[24];
    const int n = std::snprintf(ageText, sizeof ageText, "%lld", static_cast<long long>(age));
    writer.add("X-Cache", "HIT").add("Age", QByteArrayView(ageText, n));
    exchange.send(notModified ? QByteArrayView() : QByteArrayView(entry.body));
}

} // namespace infralab::reverseproxy
