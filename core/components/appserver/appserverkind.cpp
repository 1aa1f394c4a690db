#include "catalogue/kinds.h"
#include "catalogue/schema.h"

#include <QCoreApplication>

namespace infralab::kinds {

using namespace schema;

// A configurable application: simulated work (latency, size, errors) plus real calls to the
// databases, caches and services it links to, the classic cache-aside pattern included.
KindInfo appServer()
{
    constexpr qint64 MiB = 1024 * 1024;
    KindInfo k;
    k.kind = text("app-server");
    k.displayName = text(QT_TRANSLATE_NOOP("Catalogue", "Application server"));
    k.category = Category::Compute;
    k.idPrefix = text("app");
    k.urlScheme = text("http");
    k.description = text(QT_TRANSLATE_NOOP(
        "Catalogue", "Answers API requests with configurable work, calling the databases, "
                     "caches and services it is linked to."));
    k.config = {
        portKey(),
        intKey("latency_ms", 0, 0, 600000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Work time added to each request before it is answered."),
               "ms"),
        intKey(
            "latency_jitter_ms", 0, 0, 600000,
            QT_TRANSLATE_NOOP("Catalogue", "Random extra work time, from zero up to this value."),
            "ms"),
        intKey("response_bytes", 1024, 0, 64 * MiB,
               QT_TRANSLATE_NOOP("Catalogue", "Size of each response body."), "bytes"),
        numberKey(
            "error_rate", 0, 0, 1,
            QT_TRANSLATE_NOOP("Catalogue", "Fraction of requests answered with 500, from 0 to 1.")),
        intKey("concurrency", 0, 0, 100000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Requests worked on at once, further ones queue; 0 is "
                                 "unlimited.")),
        stringKey("db_query", "SELECT 1",
                  QT_TRANSLATE_NOOP("Catalogue",
                                    "SQL sent on each database call; {n} becomes the last number "
                                    "in the request path.")),
        intKey("db_pool_size", 10, 1, 1000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Connections kept open to each linked database; calls wait for "
                                 "a free one.")),
        boolKey("cache_aside", true,
                QT_TRANSLATE_NOOP("Catalogue",
                                  "Look results up in the linked cache first and store them "
                                  "there after a miss.")),
        intKey("cache_ttl_s", 60, 0, 86400,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Expiry of values stored in the cache; 0 stores them without "
                                 "expiry."),
               "s"),
        intKey("call_timeout_ms", 5000, 1, 600000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "A call to a linked node that takes longer fails the request "
                                 "with 504."),
               "ms"),
    };
    k.config += httpListenerKeys();
    k.linkConfig = {
        intKey("calls", 1, 0, 100,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Calls made on this link for each request: SQL queries, cache "
                                 "lookups or HTTP requests.")),
    };
    present(k.config, {
        {"latency_ms", QT_TRANSLATE_NOOP("Catalogue", "Work time"), group::Behaviour},
        {"latency_jitter_ms", QT_TRANSLATE_NOOP("Catalogue", "Work time jitter"), group::Behaviour},
        {"response_bytes", QT_TRANSLATE_NOOP("Catalogue", "Response size"), group::Behaviour},
        {"error_rate", QT_TRANSLATE_NOOP("Catalogue", "Error rate"), group::Behaviour},
        {"concurrency", QT_TRANSLATE_NOOP("Catalogue", "Concurrent requests"), group::Limits},
        {"db_query", QT_TRANSLATE_NOOP("Catalogue", "Database query"), group::Data},
        {"db_pool_size", QT_TRANSLATE_NOOP("Catalogue", "Database pool size"), group::Data},
        {"cache_aside", QT_TRANSLATE_NOOP("Catalogue", "Cache-aside"), group::Caching},
        {"cache_ttl_s", QT_TRANSLATE_NOOP("Catalogue", "Cache lifetime"), group::Caching},
        {"call_timeout_ms", QT_TRANSLATE_NOOP("Catalogue", "Call timeout"), group::Timeouts},
    });
    present(k.linkConfig, {
        {"calls", QT_TRANSLATE_NOOP("Catalogue", "Calls per request"), group::Behaviour},
    });
    k.callees = httpKinds() + QStringList{text("database"), text("cache")};
    return k;
}

} // namespace infralab::kinds
