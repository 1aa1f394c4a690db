#include "catalogue/kinds.h"
#include "catalogue/schema.h"

#include <QCoreApplication>

namespace infralab::kinds {

using namespace schema;

// Speaks Redis RESP (component-specs.md section 6); the settings are redis.conf's, with the
// same defaults and eviction policy names.
KindInfo cache()
{
    KindInfo k;
    k.kind = text("cache");
    k.displayName = text(QT_TRANSLATE_NOOP("Catalogue", "Cache"));
    k.category = Category::Data;
    k.idPrefix = text("cache");
    k.urlScheme = text("redis");
    k.description = text(QT_TRANSLATE_NOOP(
        "Catalogue", "An in-memory key-value store that speaks Redis RESP, so redis-cli can "
                     "connect."));
    k.config = {
        portKey(),
        intKey("maxmemory_bytes", 0, 0, qint64(64) * 1024 * 1024 * 1024,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Memory limit for the data, enforced by maxmemory_policy; 0 is "
                                 "unlimited."),
               "bytes"),
        enumKey("maxmemory_policy", "noeviction",
                {"noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random", "volatile-lru",
                 "volatile-lfu", "volatile-random", "volatile-ttl"},
                QT_TRANSLATE_NOOP("Catalogue",
                                  "What happens at the memory limit: noeviction refuses writes "
                                  "with OOM, the others evict keys.")),
        stringKey("requirepass", "",
                  QT_TRANSLATE_NOOP("Catalogue",
                                    "Password clients must send with AUTH; empty needs none.")),
        intKey("timeout_s", 0, 0, 2147483647,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Close a client connection idle this long; 0 never does."),
               "s"),
        intKey("databases", 16, 1, 1024,
               QT_TRANSLATE_NOOP("Catalogue", "Number of databases SELECT can switch between.")),
        intKey("maxclients", 10000, 1, 1000000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Clients connected at once; one more gets \"max number of "
                                 "clients reached\".")),
    };
    present(k.config, {
        {"maxmemory_bytes", QT_TRANSLATE_NOOP("Catalogue", "Memory limit"), group::Limits},
        {"maxmemory_policy", QT_TRANSLATE_NOOP("Catalogue", "Eviction policy"), group::Behaviour},
        {"requirepass", QT_TRANSLATE_NOOP("Catalogue", "Password"), group::Security},
        {"timeout_s", QT_TRANSLATE_NOOP("Catalogue", "Idle timeout"), group::Timeouts},
        {"databases", QT_TRANSLATE_NOOP("Catalogue", "Databases"), group::Data},
        {"maxclients", QT_TRANSLATE_NOOP("Catalogue", "Client connections"), group::Limits},
    });
    return k;
}

} // namespace infralab::kinds
