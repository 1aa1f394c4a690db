#include "catalogue/kinds.h"
#include "catalogue/schema.h"
#include "components/trafficgenerator/generatorconfig.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace infralab::kinds {

using namespace schema;

// Modelled on wrk (closed loop), wrk2 and vegeta (open, constant arrival rate) and k6's
// ramping executors; component-specs.md section 9.
KindInfo trafficGenerator()
{
    KindInfo k;
    k.kind = text("traffic-generator");
    k.displayName = text(QT_TRANSLATE_NOOP("Catalogue", "Traffic generator"));
    k.category = Category::Traffic;
    k.idPrefix = text("load");
    k.description = text(QT_TRANSLATE_NOOP(
        "Catalogue", "Sends real HTTP load to its linked nodes, closed (like wrk) or open "
                     "(constant arrival rate, like wrk2)."));

    ConfigKey requests;
    requests.key = text("requests");
    requests.type = ValueType::RequestList;
    QJsonObject get;
    get.insert(text("method"), text("GET"));
    get.insert(text("path"), text("/"));
    get.insert(text("weight"), 1);
    requests.defaultValue = QJsonArray{get};
    requests.help
        = text(QT_TRANSLATE_NOOP("Catalogue", "Request mix: method, path ({n} is filled with a "
                                              "number), relative weight and optional body."));

    k.config = {
        enumKey("mode", trafficgenerator::LoadModel::Closed, trafficgenerator::loadModelChoices,
                QT_TRANSLATE_NOOP("Catalogue",
                                  "closed: each connection sends its next request when the last "
                                  "one is answered; open: requests arrive at a fixed rate "
                                  "whatever the latency.")),
        intKey("connections", 10, 1, 10000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Concurrent connections: the virtual users in closed mode, the "
                                 "cap on requests in flight in open mode.")),
        live(intKey("rate", 100, 1, 1000000,
                    QT_TRANSLATE_NOOP("Catalogue", "Requests per second in open mode."), "req/s")),
        live(requests),
        intKey("duration_s", 0, 0, 86400,
               QT_TRANSLATE_NOOP("Catalogue", "How long to run; 0 runs until stopped."), "s"),
        intKey("max_requests", 0, 0, 1000000000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Stop sending after this many requests (like hey -n); 0 sets no "
                                 "limit.")),
        live(intKey("think_time_ms", 0, 0, 600000,
                    QT_TRANSLATE_NOOP("Catalogue",
                                      "Pause of each connection between a response and its next "
                                      "request (closed mode)."),
                    "ms")),
        live(enumKey("profile", trafficgenerator::LoadProfile::Shape::Constant,
                     trafficgenerator::LoadProfile::shapeChoices,
                     QT_TRANSLATE_NOOP("Catalogue",
                                       "Load over time: constant, ramp (up to full load over one "
                                       "period), steps (a quarter more each period) or spike (a "
                                       "tenth of full load, full load for the last tenth of each "
                                       "period)."))),
        live(intKey("profile_period_s", 30, 1, 86400,
                    QT_TRANSLATE_NOOP(
                        "Catalogue", "Length of one period of the ramp, steps and spike profiles."),
                    "s")),
        live(enumKey(
            "path_distribution", trafficgenerator::KeySampler::Distribution::Uniform,
            trafficgenerator::KeySampler::distributionChoices,
            QT_TRANSLATE_NOOP("Catalogue",
                              "How {n} is drawn from 1 to path_keys: uniform, or zipf (a few "
                              "hot keys get most requests)."))),
        live(intKey(
            "path_keys", 1000, 1, 10000000,
            QT_TRANSLATE_NOOP("Catalogue", "How many different numbers {n} can take, from 1 up."))),
        live(numberKey("zipf_exponent", 1.0, 0.25, 4.0,
                       QT_TRANSLATE_NOOP(
                           "Catalogue", "Skew of the zipf distribution: key k is drawn with weight "
                                        "1/k^exponent; larger values make the hot keys hotter."))),
        live(intKey("timeout_ms", 2000, 1, 600000,
                    QT_TRANSLATE_NOOP(
                        "Catalogue", "A request without a complete response in this time counts as "
                                     "a timeout error."),
                    "ms")),
        boolKey("keepalive", true,
                QT_TRANSLATE_NOOP("Catalogue",
                                  "Reuse connections; off opens a new connection per request.")),
        listKey("targets", {},
                QT_TRANSLATE_NOOP("Catalogue",
                                  "Extra targets outside the lab, as http://127.0.0.1:PORT (this "
                                  "machine only), sent to alongside the linked nodes.")),
    };
    k.linkConfig = {
        intKey("weight", 1, 0, 1000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Share of requests sent to this target, relative to the other "
                                 "linked targets.")),
    };
    present(k.config, {
        {"mode", QT_TRANSLATE_NOOP("Catalogue", "Load model"), group::Load},
        {"connections", QT_TRANSLATE_NOOP("Catalogue", "Connections"), group::Load},
        {"rate", QT_TRANSLATE_NOOP("Catalogue", "Rate"), group::Load},
        {"requests", QT_TRANSLATE_NOOP("Catalogue", "Requests"), group::Requests},
        {"duration_s", QT_TRANSLATE_NOOP("Catalogue", "Duration"), group::Load},
        {"max_requests", QT_TRANSLATE_NOOP("Catalogue", "Request limit"), group::Load},
        {"think_time_ms", QT_TRANSLATE_NOOP("Catalogue", "Think time"), group::Load},
        {"profile", QT_TRANSLATE_NOOP("Catalogue", "Profile"), group::Load},
        {"profile_period_s", QT_TRANSLATE_NOOP("Catalogue", "Profile period"), group::Load},
        {"path_distribution", QT_TRANSLATE_NOOP("Catalogue", "Key distribution"), group::Requests},
        {"path_keys", QT_TRANSLATE_NOOP("Catalogue", "Number of keys"), group::Requests},
        {"zipf_exponent", QT_TRANSLATE_NOOP("Catalogue", "Zipf exponent"), group::Requests},
        {"timeout_ms", QT_TRANSLATE_NOOP("Catalogue", "Request timeout"), group::Timeouts},
        {"keepalive", QT_TRANSLATE_NOOP("Catalogue", "Keep connections open"), group::Behaviour},
        {"targets", QT_TRANSLATE_NOOP("Catalogue", "Extra targets"), group::Requests},
    });
    present(k.linkConfig, {
        {"weight", QT_TRANSLATE_NOOP("Catalogue", "Weight"), group::Load},
    });
    k.callees = httpKinds();
    k.liveControls.title = text(QT_TRANSLATE_NOOP("Catalogue", "Load"));
    const auto closedMode = [](const QJsonObject &config) {
        return config.value(QLatin1String("mode")).toString() != QLatin1String("open");
    };
    LiveControl rate{text("rate"), text(QT_TRANSLATE_NOOP("Catalogue", "Rate:")), true};
    rate.idleReason = [closedMode](const QJsonObject &config) {
        if (!closedMode(config))
            return QString();
        return QCoreApplication::translate("Catalogue",
                                           "Closed mode has no target rate: %1 connections send "
                                           "as fast as answers come. Set Mode to open to send at "
                                           "a rate.")
            .arg(config.value(QLatin1String("connections")).toInt());
    };
    rate.idleShowsSendingRate = true;
    k.liveControls.controls = {
        rate,
        {text("profile"), text(QT_TRANSLATE_NOOP("Catalogue", "Profile:"))},
    };
    k.liveControls.note = [rate](const QJsonObject &config) {
        if (const QString idle = rate.idleReason(config); !idle.isEmpty())
            return idle;
        return QCoreApplication::translate("Catalogue",
                                           "Open model: requests arrive at the rate below.");
    };
    return k;
}

} // namespace infralab::kinds
