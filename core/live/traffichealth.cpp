#include "live/traffichealth.h"

namespace infralab::live {

TrafficHealth judgeTraffic(quint64 requests, quint64 failures)
{
    if (requests == 0)
        return failures == 0 ? TrafficHealth::NoTraffic : TrafficHealth::Failing;
    const double share = double(failures) / double(requests);
    if (share > FailingShare)
        return TrafficHealth::Failing;
    if (share >= DegradedShare)
        return TrafficHealth::Degraded;
    return TrafficHealth::Healthy;
}

void TrafficHealthWindow::add(qint64 timeMs, quint64 requests, quint64 failures)
{
    if (!m_samples.empty()
        && (requests < m_samples.back().requests || failures < m_samples.back().failures
            || timeMs < m_samples.back().timeMs))
        m_samples.clear();
    m_samples.push_back({timeMs, requests, failures});
    // Keep the newest sample at or before the window's start as the baseline.
    while (m_samples.size() > 1 && m_samples[1].timeMs <= timeMs - m_windowMs)
        m_samples.pop_front();
}

quint64 TrafficHealthWindow::requests() const
{
    return m_samples.size() < 2 ? 0 : m_samples.back().requests - m_samples.front().requests;
}

quint64 TrafficHealthWindow::failures() const
{
    return m_samples.size() < 2 ? 0 : m_samples.back().failures - m_samples.front().failures;
}

double TrafficHealthWindow::failedShare() const
{
    const quint64 n = requests();
    return n ? double(failures()) / double(n) : 0.0;
}

} // namespace infralab::live
