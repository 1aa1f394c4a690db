#include "dashboard/seriesstore.h"

#include <QCoreApplication>

namespace infralab {

namespace {

std::array<quint64, errorClassCount> countsOf(const metrics::NodeMetrics &m)
{
    using metrics::ErrorKind;
    const auto kind = [&m](ErrorKind k) {
        return m.errors[std::size_t(k)];
    };
    return {kind(ErrorKind::ServerError),    m.responses[4],
            kind(ErrorKind::Timeout),        kind(ErrorKind::Reset),
            kind(ErrorKind::ConnectRefused), kind(ErrorKind::Protocol)};
}

} // namespace

QString errorClassName(ErrorClass errorClass)
{
    switch (errorClass) {
    case ErrorClass::ServerError: return QCoreApplication::translate("Dashboard", "5xx");
    case ErrorClass::ClientError: return QCoreApplication::translate("Dashboard", "4xx");
    case ErrorClass::Timeout: return QCoreApplication::translate("Dashboard", "timeout");
    case ErrorClass::Reset: return QCoreApplication::translate("Dashboard", "reset");
    case ErrorClass::ConnectRefused: return QCoreApplication::translate("Dashboard", "refused");
    case ErrorClass::Protocol: return QCoreApplication::translate("Dashboard", "protocol");
    }
    return QString();
}

SeriesStore::SeriesStore(QObject *parent)
    : QObject(parent)
{}

void SeriesStore::clear()
{
    m_series.clear();
    m_order.clear();
    m_events.clear();
    m_lastWallMs = 0;
    m_ticks = 0;
    emit updated();
}

void SeriesStore::add(const live::LiveSnapshot &snapshot)
{
    if (!snapshot.metrics)
        return;
    const qint64 now = snapshot.wallMs;
    const auto record = [&](const QString &nodeId, DashPoint point,
                            const std::array<quint64, errorClassCount> &counts) {
        auto it = m_series.find(nodeId);
        if (it == m_series.end()) {
            it = m_series.insert(nodeId, NodeSeries());
            m_order.append(nodeId);
        }
        NodeSeries &series = *it;
        if (series.lastMs >= 0 && now > series.lastMs) {
            const double seconds = double(now - series.lastMs) / 1000.0;
            for (int i = 0; i < errorClassCount; ++i) {
                const quint64 before = series.lastCounts[std::size_t(i)];
                const quint64 after = counts[std::size_t(i)];
                point.errorsPerS[std::size_t(i)]
                    = after >= before ? float(double(after - before) / seconds) : 0.0f;
            }
        }
        // A stopped generator keeps its place among the load sources (its detail is gone).
        series.loadSource = series.loadSource || point.loadSource;
        point.loadSource = series.loadSource;
        series.lastCounts = counts;
        series.lastMs = now;
        push(series, point);
    };
    // Load sources (generators) serve nothing but measure what they send: the rate they send
    // at is their requests/s (as on their card), and their latency and errors are what the
    // clients saw. The typed NodeDetail says which nodes they are, not a kind's JSON keys.
    for (const metrics::NodeMetrics &m : snapshot.metrics->nodes) {
        const runtime::NodeDetail *detail = snapshot.nodeDetail(m.nodeId);
        const bool loadSource = detail && detail->sendingRate >= 0;
        DashPoint point;
        point.wallMs = now;
        point.qps = float(loadSource ? detail->sendingRate : m.qps);
        point.p50Ms = float(m.p50Ms);
        point.p95Ms = float(m.p95Ms);
        point.p99Ms = float(m.p99Ms);
        point.active = float(m.activeConnections);
        point.hasLatency = true;
        point.loadSource = loadSource;
        record(m.nodeId, point, countsOf(m));
    }
    m_lastWallMs = now;
    ++m_ticks;
    emit updated();
}

void SeriesStore::push(NodeSeries &series, DashPoint point)
{
    series.fine.push(point);
    // 1 s points: rates averaged over the second, latency and connections as they ended.
    if (series.secondTicks == 0)
        series.secondStartMs = point.wallMs;
    DashPoint &sum = series.second;
    sum.qps += point.qps;
    for (int i = 0; i < errorClassCount; ++i)
        sum.errorsPerS[std::size_t(i)] += point.errorsPerS[std::size_t(i)];
    ++series.secondTicks;
    if (point.wallMs - series.secondStartMs < 750)
        return;
    DashPoint coarse = point;
    coarse.qps = sum.qps / float(series.secondTicks);
    for (int i = 0; i < errorClassCount; ++i)
        coarse.errorsPerS[std::size_t(i)]
            = sum.errorsPerS[std::size_t(i)] / float(series.secondTicks);
    series.coarse.push(coarse);
    series.second = DashPoint();
    series.secondTicks = 0;
}

void SeriesStore::addEvent(const runtime::LabEvent &event)
{
    m_events.push_back(event);
    while (int(m_events.size()) > eventCapacity)
        m_events.pop_front();
}

QList<DashPoint> SeriesStore::points(const QString &nodeId, qint64 windowMs, qint64 nowMs) const
{
    QList<DashPoint> result;
    const auto it = m_series.constFind(nodeId);
    if (it == m_series.cend())
        return result;
    const metrics::RingBuffer<DashPoint> &ring = windowMs <= 60000 ? it->fine : it->coarse;
    const qint64 from = nowMs - windowMs;
    int first = ring.size();
    while (first > 0 && ring.at(first - 1).wallMs >= from)
        --first;
    result.reserve(ring.size() - first);
    for (int i = first; i < ring.size(); ++i)
        result.append(ring.at(i));
    return result;
}

} // namespace infralab
