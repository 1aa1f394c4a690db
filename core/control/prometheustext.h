#pragma once

#include <QByteArray>

namespace infralab::runtime {
class Lab;
}

namespace infralab::control {

inline constexpr char prometheusContentType[] = "text/plain; version=0.0.4; charset=utf-8";

// The lab's metrics in the Prometheus text exposition format 0.0.4: one family per metric
// with HELP and TYPE, names prefixed `infralab_`, labels node, kind, code, error and backend,
// the latency as a histogram (_bucket{le=…}, _sum, _count). Built from the collector's latest
// snapshot plus the nodes' states and details (a balancer's backends). Passes
// `promtool check metrics`.
QByteArray prometheusText(const runtime::Lab &lab);

// A label value escaped as the format asks (backslash, double quote, newline).
QByteArray prometheusLabelValue(QByteArrayView value);

} // namespace infralab::control
