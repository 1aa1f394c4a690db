#include "catalogue/kinds.h"
#include "catalogue/schema.h"

#include <QCoreApplication>

namespace infralab::kinds {

using namespace schema;

// Modelled on nginx proxy_pass and proxy_cache (component-specs.md section 1.2).
KindInfo reverseProxy()
{
    constexpr qint64 MiB = 1024 * 1024;
    KindInfo k;
    k.kind = text("reverse-proxy");
    k.displayName = text(QT_TRANSLATE_NOOP("Catalogue", "Reverse proxy"));
    k.category = Category::Edge;
    k.idPrefix = text("proxy");
    k.urlScheme = text("http");
    k.description = text(QT_TRANSLATE_NOOP(
        "Catalogue", "Forwards every request to its upstreams like nginx proxy_pass, with an "
                     "optional response cache."));
    k.config = {
        portKey(),
        boolKey("cache", false, QT_TRANSLATE_NOOP("Catalogue", "Cache GET and HEAD responses.")),
        intKey(
            "cache_ttl_s", 60, 0, 86400,
            QT_TRANSLATE_NOOP("Catalogue", "How long a response without caching headers is kept."),
            "s"),
        intKey("cache_max_bytes", 64 * MiB, MiB, 16 * 1024 * MiB,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Size of the response cache; the least recently used entries "
                                 "go first."),
               "bytes"),
        boolKey("forwarded_headers", true,
                QT_TRANSLATE_NOOP("Catalogue",
                                  "Add X-Forwarded-For, X-Forwarded-Proto and X-Real-IP to "
                                  "forwarded requests.")),
    };
    k.config += upstreamKeys(5000, 60000);
    k.config += httpListenerKeys();
    present(k.config, {
        {"cache", QT_TRANSLATE_NOOP("Catalogue", "Cache responses"), group::Caching},
        {"cache_ttl_s", QT_TRANSLATE_NOOP("Catalogue", "Cache lifetime"), group::Caching},
        {"cache_max_bytes", QT_TRANSLATE_NOOP("Catalogue", "Cache size"), group::Caching},
        {"forwarded_headers", QT_TRANSLATE_NOOP("Catalogue", "Forwarded headers"), group::Upstreams},
    });
    k.callees = httpKinds();
    return k;
}

} // namespace infralab::kinds
