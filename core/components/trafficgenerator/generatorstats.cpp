#include "components/trafficgenerator/generatorstats.h"

namespace infralab::trafficgenerator {

quint64 GeneratorTotals::socketErrors() const
{
    quint64 total = 0;
    for (const quint64 count : errors)
        total += count;
    return total;
}

void GeneratorTotals::merge(const GeneratorTotals &other)
{
    sent += other.sent;
    responses += other.responses;
    for (std::size_t i = 0; i < statusClass.size(); ++i)
        statusClass[i] += other.statusClass[i];
    for (auto it = other.statusCodes.cbegin(); it != other.statusCodes.cend(); ++it)
        statusCodes[it.key()] += it.value();
    for (std::size_t i = 0; i < errors.size(); ++i)
        errors[i] += other.errors[i];
    late += other.late;
    dropped += other.dropped;
    cancelled += other.cancelled;
    bytesIn += other.bytesIn;
    bytesOut += other.bytesOut;
    connectionsOpened += other.connectionsOpened;
    openConnections += other.openConnections;
    inFlight += other.inFlight;
    latency.merge(other.latency);
    serviceTime.merge(other.serviceTime);
}

void GeneratorStats::countResponse(int status, qint64 latencyUs, qint64 serviceUs)
{
    bump(m_responses, 1);
    bump(m_inFlight, -1);
    if (status >= FirstCode && status < FirstCode + CodeCount)
        bump(m_codes[std::size_t(status - FirstCode)], 1);
    m_latency.record(latencyUs);
    if (serviceUs >= 0)
        m_serviceTime.record(serviceUs);
}

void GeneratorStats::addTo(GeneratorTotals &totals) const
{
    GeneratorTotals t;
    t.sent = m_sent.load(std::memory_order_relaxed);
    t.responses = m_responses.load(std::memory_order_relaxed);
    for (int i = 0; i < CodeCount; ++i) {
        const quint64 count = m_codes[std::size_t(i)].load(std::memory_order_relaxed);
        if (count) {
            const int code = FirstCode + i;
            t.statusCodes.insert(code, count);
            t.statusClass[std::size_t(code / 100)] += count;
        }
    }
    for (int i = 0; i < ErrorClassCount; ++i)
        t.errors[std::size_t(i)] = m_errors[std::size_t(i)].load(std::memory_order_relaxed);
    t.late = m_late.load(std::memory_order_relaxed);
    t.dropped = m_dropped.load(std::memory_order_relaxed);
    t.cancelled = m_cancelled.load(std::memory_order_relaxed);
    t.bytesIn = m_bytesIn.load(std::memory_order_relaxed);
    t.bytesOut = m_bytesOut.load(std::memory_order_relaxed);
    t.connectionsOpened = m_opened.load(std::memory_order_relaxed);
    t.openConnections = m_open.load(std::memory_order_relaxed);
    t.inFlight = m_inFlight.load(std::memory_order_relaxed);
    m_latency.addTo(t.latency);
    m_serviceTime.addTo(t.serviceTime);
    totals.merge(t);
}

} // namespace infralab::trafficgenerator
