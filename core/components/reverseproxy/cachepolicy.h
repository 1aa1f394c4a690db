#pragma once

#include "http/httptypes.h"

#include <QByteArray>
#include <QList>

namespace infralab::reverseproxy {

// Whether and for how long a shared cache may keep one upstream response, decided like nginx
// proxy_cache with RFC 9111: Cache-Control no-store and private forbid storing (§5.2.2.5,
// §5.2.2.7); s-maxage beats max-age for a shared cache (§5.2.2.10), which beats Expires
// (§5.3); no-cache stores but every use must go upstream again (§5.2.2.4); without any of
// them `defaultTtlS` applies to 200, 301 and 302 only (nginx proxy_cache_valid with a bare
// time). Set-Cookie and `Vary: *` are never stored (component-specs.md §1.4). Pure.
struct CacheDecision
{
    bool store = false;
    bool revalidate = false;     // no-cache: stored, but always served as EXPIRED
    qint64 ttlMs = 0;            // freshness left on arrival (lifetime minus the upstream's Age)
    qint64 initialAgeS = 0;      // the upstream's Age field, added to ours on hits
    QList<QByteArray> varyNames; // lower-case request field names the response varies on
};

CacheDecision decideCaching(int status, const QList<http::HttpField> &fields, qint64 nowEpochS,
                            qint64 defaultTtlS);

// The value of `directive` (max-age=…) in a Cache-Control list as seconds; -1 when absent or
// not a number. `present` tells a bare directive (no-cache) from an absent one.
qint64 cacheControlSeconds(QByteArrayView cacheControl, QByteArrayView directive,
                           bool *present = nullptr);

} // namespace infralab::reverseproxy
