#include "control/prometheustext.h"

#include "metrics/metricscollector.h"
#include "runtime/component.h"
#include "runtime/lab.h"

#include <QJsonArray>
#include <QLocale>
#include <QSet>

#include <functional>

namespace infralab::control {

namespace {

// The shortest decimal that reads back as the same double, as Prometheus clients print floats.
QByteArray number(double value)
{
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray number(quint64 value)
{
    return QByteArray::number(value);
}

// Writes one metric family: HELP and TYPE once, then its samples.
class FamilyWriter
{
public:
    explicit FamilyWriter(QByteArray &out)
        : m_out(out)
    {}

    void family(const char *name, const char *type, const char *help)
    {
        m_out += "# HELP ";
        m_out += name;
        m_out += ' ';
        m_out += help;
        m_out += "\n# TYPE ";
        m_out += name;
        m_out += ' ';
        m_out += type;
        m_out += '\n';
    }

    void sample(QByteArrayView name, const QByteArray &labels, const QByteArray &value)
    {
        m_out += name;
        m_out += '{';
        m_out += labels;
        m_out += "} ";
        m_out += value;
        m_out += '\n';
    }

private:
    QByteArray &m_out;
};

QByteArray label(const char *name, QByteArrayView value)
{
    return QByteArray(name) + "=\"" + prometheusLabelValue(value) + '"';
}

struct NodeRow
{
    QByteArray labels; // node="…",kind="…"
    const metrics::NodeMetrics *metrics = nullptr;
    QString nodeId;
    bool up = false;
};

} // namespace

QByteArray prometheusLabelValue(QByteArrayView value)
{
    QByteArray escaped;
    escaped.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            escaped += "\\\\";
        else if (c == '"')
            escaped += "\\\"";
        else if (c == '\n')
            escaped += "\\n";
        else
            escaped += c;
    }
    return escaped;
}

QByteArray prometheusText(const runtime::Lab &lab)
{
    const auto snapshot = lab.metrics().latest();
    QList<NodeRow> rows;
    for (const Node &node : lab.topology().nodes) {
        NodeRow row;
        row.nodeId = node.id;
        row.labels = label("node", node.id.toUtf8()) + ',' + label("kind", node.kind.toUtf8());
        row.metrics = snapshot->find(node.id);
        row.up = lab.state(node.id) == runtime::NodeState::Running;
        rows.append(row);
    }
    QByteArray out;
    out.reserve(4096 + rows.size() * 4096);
    FamilyWriter w(out);

    w.family("infralab_node_up", "gauge", "Whether the node is running (1) or not (0).");
    for (const NodeRow &row : std::as_const(rows))
        w.sample("infralab_node_up", row.labels, row.up ? "1" : "0");

    // Counters and gauges of the nodes that serve traffic (the collector has them).
    auto each
        = [&rows](const std::function<void(const NodeRow &, const metrics::NodeMetrics &)> &f) {
              for (const NodeRow &row : std::as_const(rows)) {
                  if (row.metrics)
                      f(row, *row.metrics);
              }
          };
    w.family("infralab_requests_total", "counter", "Requests the node received.");
    each([&](const NodeRow &row, const metrics::NodeMetrics &m) {
        w.sample("infralab_requests_total", row.labels, number(m.requests));
    });
    w.family("infralab_responses_total", "counter", "Responses the node sent, by status class.");
    each([&](const NodeRow &row, const metrics::NodeMetrics &m) {
        for (int c = 1; c <= 5; ++c) {
            w.sample("infralab_responses_total",
                     row.labels + ',' + label("code", QByteArray::number(c) + "xx"),
                     number(m.responses[std::size_t(c)]));
        }
    });
    w.family("infralab_errors_total", "counter",
             "Failed exchanges, by kind (connect_refused, reset, timeout, 5xx, protocol).");
    each([&](const NodeRow &row, const metrics::NodeMetrics &m) {
        for (int k = 0; k < metrics::errorKindCount; ++k) {
            w.sample("infralab_errors_total",
                     row.labels + ','
                         + label("error", metrics::errorKindName(metrics::ErrorKind(k)).toUtf8()),
                     number(m.errors[std::size_t(k)]));
        }
    });
    w.family("infralab_received_bytes_total", "counter", "Bytes the node read from clients.");
    each([&](const NodeRow &row, const metrics::NodeMetrics &m) {
        w.sample("infralab_received_bytes_total", row.labels, number(m.bytesIn));
    });
    w.family("infralab_sent_bytes_total", "counter", "Bytes the node wrote to clients.");
    each([&](const NodeRow &row, const metrics::NodeMetrics &m) {
        w.sample("infralab_sent_bytes_total", row.labels, number(m.bytesOut));
    });
    w.family("infralab_active_connections", "gauge", "Client connections open now.");
    each([&](const NodeRow &row, const metrics::NodeMetrics &m) {
        w.sample("infralab_active_connections", row.labels, number(quint64(m.activeConnections)));
    });
    w.family("infralab_requests_per_second", "gauge", "Requests per second over the last second.");
    each([&](const NodeRow &row, const metrics::NodeMetrics &m) {
        w.sample("infralab_requests_per_second", row.labels, number(m.qps));
    });
    w.family("infralab_request_duration_seconds", "histogram",
             "Time from a complete request to its response written.");
    each([&](const NodeRow &row, const metrics::NodeMetrics &m) {
        for (std::size_t i = 0; i < metrics::latencyBucketBoundsS.size(); ++i) {
            w.sample("infralab_request_duration_seconds_bucket",
                     row.labels + ',' + label("le", number(metrics::latencyBucketBoundsS[i])),
                     number(m.latencyBuckets[i]));
        }
        w.sample("infralab_request_duration_seconds_bucket", row.labels + ",le=\"+Inf\"",
                 number(m.latencyCount));
        w.sample("infralab_request_duration_seconds_sum", row.labels, number(m.latencySumS));
        w.sample("infralab_request_duration_seconds_count", row.labels, number(m.latencyCount));
    });

    // Per link, seen by the caller (label backend = the callee).
    QList<std::pair<QByteArray, metrics::TrafficTotals>> links;
    for (const NodeRow &row : std::as_const(rows)) {
        if (const runtime::Component *component = lab.component(row.nodeId)) {
            for (const auto &[callee, totals] : component->linkTraffic())
                links.append({row.labels + ',' + label("backend", callee.toUtf8()), totals});
        }
    }
    if (!links.isEmpty()) {
        w.family("infralab_link_requests_total", "counter",
                 "Requests the node sent over the link (attempts, retries included).");
        for (const auto &[labels, totals] : std::as_const(links))
            w.sample("infralab_link_requests_total", labels, number(totals.requests));
        w.family("infralab_link_responses_total", "counter",
                 "Answers the node got over the link, by status class.");
        for (const auto &[labels, totals] : std::as_const(links)) {
            for (int c = 1; c <= 5; ++c)
                w.sample("infralab_link_responses_total",
                         labels + ',' + label("code", QByteArray::number(c) + "xx"),
                         number(totals.responses[std::size_t(c)]));
        }
        w.family("infralab_link_errors_total", "counter",
                 "Failed attempts over the link, by kind.");
        for (const auto &[labels, totals] : std::as_const(links)) {
            for (int k = 0; k < metrics::errorKindCount; ++k)
                w.sample(
                    "infralab_link_errors_total",
                    labels + ','
                        + label("error", metrics::errorKindName(metrics::ErrorKind(k)).toUtf8()),
                    number(totals.errors[std::size_t(k)]));
        }
        w.family("infralab_link_received_bytes_total", "counter",
                 "Response body bytes the node got over the link.");
        for (const auto &[labels, totals] : std::as_const(links))
            w.sample("infralab_link_received_bytes_total", labels, number(totals.bytesIn));
    }

    // A balancer's backends, from its details(): {"backends": [{"id", "state", "requests",
    // "failures", "active"}]}. A backend listed twice (draining after a rewire) counts once.
    QList<std::pair<QByteArray, QJsonObject>> backends;
    for (const NodeRow &row : std::as_const(rows)) {
        const runtime::Component *component = lab.component(row.nodeId);
        if (!component)
            continue;
        QSet<QString> seen;
        for (const QJsonValue &value :
             component->details().value(QLatin1String("backends")).toArray()) {
            const QJsonObject backend = value.toObject();
            const QString id = backend.value(QLatin1String("id")).toString();
            if (!id.isEmpty() && !seen.contains(id)) {
                seen.insert(id);
                backends.append({row.labels + ',' + label("backend", id.toUtf8()), backend});
            }
        }
    }
    if (!backends.isEmpty()) {
        auto count = [](const QJsonObject &backend, const char *key) {
            return number(quint64(std::max(0.0, backend.value(QLatin1String(key)).toDouble())));
        };
        w.family("infralab_backend_up", "gauge",
                 "Whether the balancer sends traffic to the backend (1) or not (0).");
        for (const auto &[labels, backend] : std::as_const(backends)) {
            const QString state = backend.value(QLatin1String("state")).toString();
            w.sample("infralab_backend_up", labels, state == QLatin1String("up") ? "1" : "0");
        }
        w.family("infralab_backend_requests_total", "counter",
                 "Requests the balancer sent to the backend.");
        for (const auto &[labels, backend] : std::as_const(backends))
            w.sample("infralab_backend_requests_total", labels, count(backend, "requests"));
        w.family("infralab_backend_failures_total", "counter",
                 "Requests to the backend that failed.");
        for (const auto &[labels, backend] : std::as_const(backends))
            w.sample("infralab_backend_failures_total", labels, count(backend, "failures"));
        w.family("infralab_backend_active_requests", "gauge",
                 "Requests in flight to the backend now.");
        for (const auto &[labels, backend] : std::as_const(backends))
            w.sample("infralab_backend_active_requests", labels, count(backend, "active"));
    }
    return out;
}

} // namespace infralab::control
