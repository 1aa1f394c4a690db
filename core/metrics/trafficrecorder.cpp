#include "metrics/trafficrecorder.h"

#include <algorithm>
#include <numeric>

namespace infralab::metrics {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::ConnectRefused: return QStringLiteral("connect_refused");
    case ErrorKind::Reset: return QStringLiteral("reset");
    case ErrorKind::Timeout: return QStringLiteral("timeout");
    case ErrorKind::ServerError: return QStringLiteral("5xx");
    case ErrorKind::Protocol: return QStringLiteral("protocol");
    }
    return QString();
}

quint64 TrafficTotals::responseCount() const
{
    return std::accumulate(responses.cbegin(), responses.cend(), quint64(0));
}

quint64 TrafficTotals::errorCount() const
{
    return std::accumulate(errors.cbegin(), errors.cend(), quint64(0));
}

void TrafficTotals::merge(const TrafficTotals &other)
{
    requests += other.requests;
    for (std::size_t i = 0; i < responses.size(); ++i)
        responses[i] += other.responses[i];
    for (std::size_t i = 0; i < errors.size(); ++i)
        errors[i] += other.errors[i];
    bytesIn += other.bytesIn;
    bytesOut += other.bytesOut;
    latency.merge(other.latency);
}

void TrafficCounters::addTo(TrafficTotals &into) const
{
    into.requests += m_requests.load(std::memory_order_relaxed);
    for (std::size_t i = 0; i < m_responses.size(); ++i)
        into.responses[i] += m_responses[i].load(std::memory_order_relaxed);
    for (std::size_t i = 0; i < m_errors.size(); ++i)
        into.errors[i] += m_errors[i].load(std::memory_order_relaxed);
    into.bytesIn += m_bytesIn.load(std::memory_order_relaxed);
    into.bytesOut += m_bytesOut.load(std::memory_order_relaxed);
    m_latency.addTo(into.latency);
}

TrafficRecorder::TrafficRecorder(int threadCount)
{
    m_threads.reserve(std::size_t(std::max(1, threadCount)));
    for (int i = 0; i < std::max(1, threadCount); ++i)
        m_threads.push_back(std::make_unique<TrafficCounters>());
}

TrafficTotals TrafficRecorder::totals() const
{
    TrafficTotals totals;
    for (const auto &counters : m_threads)
        counters->addTo(totals);
    return totals;
}

} // namespace infralab::metrics
