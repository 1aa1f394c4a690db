#pragma once

#include "metrics/latencyhistogram.h"

#include <QString>

#include <array>

namespace infralab::metrics {

// Why an exchange failed, as the issue names the kinds. A server node sees Reset (the client
// went away mid-exchange), Timeout (408), ServerError (it answered 5xx) and Protocol (a request
// it could not parse); a link (seen by the caller) also sees ConnectRefused.
enum class ErrorKind : quint8 {
    ConnectRefused,
    Reset,
    Timeout,
    ServerError,
    Protocol,
};
inline constexpr int errorKindCount = 5;

// The stable word for a kind in JSON, Prometheus labels and reports ("connect_refused", …).
QString errorKindName(ErrorKind kind);

// What one recorder (a server node, a link) counted so far: a plain value, the sum of its
// threads' counters at one moment. Counters only grow, so two totals of the same recorder
// subtract into the traffic of the time between them.
struct TrafficTotals
{
    quint64 requests = 0;
    std::array<quint64, 6> responses{}; // index = status / 100 (1xx … 5xx), 0 unused
    std::array<quint64, errorKindCount> errors{};
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    LatencyHistogram latency; // request complete → response written, µs

    quint64 responseCount() const;
    quint64 errorCount() const;
    quint64 error(ErrorKind kind) const { return errors[std::size_t(kind)]; }
    void merge(const TrafficTotals &other);
};

} // namespace infralab::metrics
