#include "catalogue/kinds.h"
#include "catalogue/schema.h"

#include <QCoreApplication>

namespace infralab::kinds {

using namespace schema;

// Modelled on Kong 3.x: one route per link (paths with strip_path), the key-auth, jwt and
// rate-limiting plugins, service timeouts and retries (component-specs.md section 4).
KindInfo apiGateway()
{
    KindInfo k;
    k.kind = text("api-gateway");
    k.displayName = text(QT_TRANSLATE_NOOP("Catalogue", "API gateway"));
    k.category = Category::Edge;
    k.idPrefix = text("gateway");
    k.urlScheme = text("http");
    k.description = text(QT_TRANSLATE_NOOP(
        "Catalogue", "Routes API requests to services like Kong, with authentication and rate "
                     "limiting."));
    k.config = {
        portKey(),
        intKey("rate_limit_second", 0, 0, 1000000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Requests allowed per second, more get 429; 0 is unlimited."),
               "req/s"),
        intKey("rate_limit_minute", 0, 0, 100000000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Requests allowed per minute, more get 429; 0 is unlimited."),
               "req/min"),
        enumKey("rate_limit_by", "consumer", {"consumer", "ip", "service", "path"},
                QT_TRANSLATE_NOOP("Catalogue",
                                  "What the limits count per: consumer (falling back to client "
                                  "IP), client IP, service or path.")),
        boolKey("key_auth", false,
                QT_TRANSLATE_NOOP("Catalogue",
                                  "Require an API key in the apikey header or query parameter, "
                                  "else 401.")),
        listKey("api_keys", {},
                QT_TRANSLATE_NOOP("Catalogue", "Keys accepted by key authentication.")),
        boolKey("jwt", false,
                QT_TRANSLATE_NOOP("Catalogue",
                                  "Require an HS256 JSON Web Token in the Authorization header, "
                                  "else 401.")),
        stringKey("jwt_secret", "",
                  QT_TRANSLATE_NOOP("Catalogue", "Shared secret that signs accepted tokens.")),
        intKey("retries", 5, 0, 32767,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Further attempts after a connection failure to a service.")),
    };
    k.config += upstreamKeys(60000, 60000);
    k.config += httpListenerKeys();
    k.linkConfig = {
        stringKey("path", "",
                  QT_TRANSLATE_NOOP("Catalogue",
                                    "Path prefix routed to this service; empty uses the "
                                    "service's node id, as in /orders.")),
        boolKey("strip_path", true,
                QT_TRANSLATE_NOOP("Catalogue",
                                  "Remove the matched prefix before forwarding the request.")),
    };
    present(k.config, {
        {"rate_limit_second", QT_TRANSLATE_NOOP("Catalogue", "Rate limit per second"), group::Limits},
        {"rate_limit_minute", QT_TRANSLATE_NOOP("Catalogue", "Rate limit per minute"), group::Limits},
        {"rate_limit_by", QT_TRANSLATE_NOOP("Catalogue", "Rate limit by"), group::Limits},
        {"key_auth", QT_TRANSLATE_NOOP("Catalogue", "Key authentication"), group::Security},
        {"api_keys", QT_TRANSLATE_NOOP("Catalogue", "API keys"), group::Security},
        {"jwt", QT_TRANSLATE_NOOP("Catalogue", "JWT authentication"), group::Security},
        {"jwt_secret", QT_TRANSLATE_NOOP("Catalogue", "JWT secret"), group::Security},
        {"retries", QT_TRANSLATE_NOOP("Catalogue", "Retries"), group::Upstreams},
    });
    present(k.linkConfig, {
        {"path", QT_TRANSLATE_NOOP("Catalogue", "Route path"), group::Behaviour},
        {"strip_path", QT_TRANSLATE_NOOP("Catalogue", "Strip path"), group::Behaviour},
    });
    k.callees = httpKinds();
    return k;
}

} // namespace infralab::kinds
