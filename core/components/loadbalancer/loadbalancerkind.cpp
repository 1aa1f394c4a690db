#include "catalogue/kinds.h"
#include "catalogue/schema.h"
#include "components/loadbalancer/balancingpolicy.h"

#include <QCoreApplication>

namespace infralab::kinds {

using namespace schema;

// Modelled on HAProxy (balance, check inter/rise/fall, retries, timeout queue, cookie
// insert) with Envoy-style passive ejection (component-specs.md sections 2 and 3).
KindInfo loadBalancer()
{
    KindInfo k;
    k.kind = text("load-balancer");
    k.displayName = text(QT_TRANSLATE_NOOP("Catalogue", "Load balancer"));
    k.category = Category::Edge;
    k.idPrefix = text("lb");
    k.urlScheme = text("http");
    k.description = text(QT_TRANSLATE_NOOP(
        "Catalogue", "Balances requests across its backends like HAProxy, with health checks, "
                     "retries and sticky sessions."));
    k.config = {
        portKey(),
        live(enumKey("algorithm", loadbalancer::Algorithm::RoundRobin,
                     loadbalancer::algorithmChoices,
                     QT_TRANSLATE_NOOP("Catalogue", "How a backend is chosen for each request."))),
        live(stringKey("health_check_path", "/",
                       QT_TRANSLATE_NOOP("Catalogue", "Path requested by active health checks."))),
        live(intKey("health_check_interval_ms", 2000, 100, 3600000,
                    QT_TRANSLATE_NOOP("Catalogue", "Time between two health checks of a backend."),
                    "ms")),
        live(intKey("health_check_timeout_ms", 1000, 1, 600000,
                    QT_TRANSLATE_NOOP("Catalogue",
                                      "A health check without a 2xx or 3xx answer in this time "
                                      "fails."),
                    "ms")),
        live(intKey("rise", 2, 1, 100,
                    QT_TRANSLATE_NOOP("Catalogue",
                                      "Consecutive successful checks that mark a backend up."))),
        live(intKey(
            "fall", 3, 1, 100,
            QT_TRANSLATE_NOOP("Catalogue", "Consecutive failed checks that mark a backend down."))),
        live(stringKey("sticky_cookie", "",
                       QT_TRANSLATE_NOOP(
                           "Catalogue", "Cookie name for sticky sessions; empty turns them off."))),
        live(intKey("retries", 3, 0, 10,
                    QT_TRANSLATE_NOOP("Catalogue",
                                      "Further attempts, on another backend, after a connection "
                                      "failure."))),
        live(intKey("queue_timeout_ms", 10000, 1, 600000,
                    QT_TRANSLATE_NOOP("Catalogue",
                                      "How long a request waits for a backend below its "
                                      "max_connections before it gets 503."),
                    "ms")),
        live(intKey("eject_consecutive_5xx", 0, 0, 1000,
                    QT_TRANSLATE_NOOP("Catalogue",
                                      "5xx answers in a row that eject a backend for a while; 0 "
                                      "turns passive ejection off."))),
        live(intKey("eject_base_time_ms", 30000, 1, 3600000,
                    QT_TRANSLATE_NOOP(
                        "Catalogue", "Ejection time, multiplied by the number of times the backend "
                                     "was ejected."),
                    "ms")),
        live(intKey("eject_max_percent", 10, 0, 100,
                    QT_TRANSLATE_NOOP(
                        "Catalogue", "Largest share of backends ejected at once; one can always be "
                                     "ejected."),
                    "%")),
        live(stringKey(
            "stats_path", "/infralab/stats",
            QT_TRANSLATE_NOOP("Catalogue",
                              "Path of the statistics page, not forwarded; empty turns it "
                              "off."))),
        boolKey("forwarded_headers", true,
                QT_TRANSLATE_NOOP("Catalogue",
                                  "Add X-Forwarded-For, X-Forwarded-Proto and X-Real-IP to "
                                  "forwarded requests.")),
    };
    k.config += upstreamKeys(5000, 30000);
    k.config += httpListenerKeys();
    k.linkConfig = {
        intKey("weight", 1, 0, 256,
               QT_TRANSLATE_NOOP("Catalogue", "Share of traffic relative to other backends.")),
        boolKey("backup", false,
                QT_TRANSLATE_NOOP("Catalogue", "Used only when no primary backend is up.")),
        intKey(
            "max_connections", 0, 0, 100000,
            QT_TRANSLATE_NOOP("Catalogue", "Concurrent requests to this backend; 0 is unlimited.")),
    };
    present(k.config, {
        {"algorithm", QT_TRANSLATE_NOOP("Catalogue", "Algorithm"), group::Balancing},
        {"health_check_path", QT_TRANSLATE_NOOP("Catalogue", "Check path"), group::HealthChecks},
        {"health_check_interval_ms", QT_TRANSLATE_NOOP("Catalogue", "Check interval"), group::HealthChecks},
        {"health_check_timeout_ms", QT_TRANSLATE_NOOP("Catalogue", "Check timeout"), group::HealthChecks},
        {"rise", QT_TRANSLATE_NOOP("Catalogue", "Checks to mark up"), group::HealthChecks},
        {"fall", QT_TRANSLATE_NOOP("Catalogue", "Checks to mark down"), group::HealthChecks},
        {"sticky_cookie", QT_TRANSLATE_NOOP("Catalogue", "Sticky session cookie"), group::Balancing},
        {"retries", QT_TRANSLATE_NOOP("Catalogue", "Retries"), group::Balancing},
        {"queue_timeout_ms", QT_TRANSLATE_NOOP("Catalogue", "Queue timeout"), group::Timeouts},
        {"eject_consecutive_5xx", QT_TRANSLATE_NOOP("Catalogue", "5xx in a row to eject"), group::HealthChecks},
        {"eject_base_time_ms", QT_TRANSLATE_NOOP("Catalogue", "Ejection time"), group::HealthChecks},
        {"eject_max_percent", QT_TRANSLATE_NOOP("Catalogue", "Most backends ejected"), group::HealthChecks},
        {"stats_path", QT_TRANSLATE_NOOP("Catalogue", "Statistics page path"), group::Behaviour},
        {"forwarded_headers", QT_TRANSLATE_NOOP("Catalogue", "Forwarded headers"), group::Upstreams},
    });
    present(k.linkConfig, {
        {"weight", QT_TRANSLATE_NOOP("Catalogue", "Weight"), group::Balancing},
        {"backup", QT_TRANSLATE_NOOP("Catalogue", "Backup"), group::Balancing},
        {"max_connections", QT_TRANSLATE_NOOP("Catalogue", "Concurrent requests"), group::Limits},
    });
    k.callees = httpKinds();
    return k;
}

} // namespace infralab::kinds
