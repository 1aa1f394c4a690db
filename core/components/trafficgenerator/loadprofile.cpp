#include "components/trafficgenerator/loadprofile.h"

#include <algorithm>
#include <cmath>

namespace infralab::trafficgenerator {

namespace {

constexpr int StepCount = 4;       // steps: 25%, 50%, 75%, then full load
constexpr double SpikeLow = 0.1;   // spike: the share of full load between spikes
constexpr double SpikeStart = 0.9; // spike: full load from this share of each period on

} // namespace

LoadProfile::LoadProfile(Shape shape, double periodS)
    : m_shape(shape)
    , m_periodS(std::max(periodS, 1e-3))
{}

double LoadProfile::fraction(double elapsedS) const
{
    const double t = std::max(elapsedS, 0.0);
    const double p = m_periodS;
    switch (m_shape) {
    case Shape::Constant: return 1;
    case Shape::Ramp: return std::min(1.0, t / p);
    case Shape::Steps: return std::min(1.0, (std::floor(t / p) + 1) / StepCount);
    case Shape::Spike: return std::fmod(t, p) >= SpikeStart * p ? 1 : SpikeLow;
    }
    return 1;
}

double LoadProfile::cumulative(double elapsedS) const
{
    const double t = std::max(elapsedS, 0.0);
    const double p = m_periodS;
    switch (m_shape) {
    case Shape::Constant: return t;
    case Shape::Ramp: return t < p ? t * t / (2 * p) : p / 2 + (t - p);
    case Shape::Steps: {
        double units = 0;
        for (int step = 0; step < StepCount - 1; ++step) {
            const double share = double(step + 1) / StepCount;
            if (t < (step + 1) * p)
                return units + (t - step * p) * share;
            units += p * share;
        }
        return units + (t - (StepCount - 1) * p);
    }
    case Shape::Spike: {
        const double perPeriod = SpikeLow * SpikeStart * p + (1 - SpikeStart) * p;
        const double periods = std::floor(t / p);
        const double x = t - periods * p;
        const double inPeriod
            = x < SpikeStart * p ? SpikeLow * x : SpikeLow * SpikeStart * p + (x - SpikeStart * p);
        return periods * perPeriod + inPeriod;
    }
    }
    return t;
}

double LoadProfile::timeFor(double units) const
{
    const double u = std::max(units, 0.0);
    const double p = m_periodS;
    switch (m_shape) {
    case Shape::Constant: return u;
    case Shape::Ramp: return u < p / 2 ? std::sqrt(2 * p * u) : p + (u - p / 2);
    case Shape::Steps: {
        double left = u;
        for (int step = 0; step < StepCount - 1; ++step) {
            const double share = double(step + 1) / StepCount;
            if (left < p * share)
                return step * p + left / share;
            left -= p * share;
        }
        return (StepCount - 1) * p + left;
    }
    case Shape::Spike: {
        const double low = SpikeLow * SpikeStart * p;
        const double perPeriod = low + (1 - SpikeStart) * p;
        const double periods = std::floor(u / perPeriod);
        const double left = u - periods * perPeriod;
        const double x = left < low ? left / SpikeLow : SpikeStart * p + (left - low);
        return periods * p + x;
    }
    }
    return u;
}

ArrivalSchedule::ArrivalSchedule(const LoadProfile &profile, double rate, double offsetS)
    : m_profile(profile)
    , m_rate(std::max(rate, 1e-9))
    , m_position(profile.cumulative(std::max(offsetS, 0.0)))
{
    updateDue();
}

void ArrivalSchedule::advance()
{
    m_position += 1 / m_rate;
    updateDue();
}

quint64 ArrivalSchedule::skipBefore(double beforeS)
{
    const double target = m_profile.cumulative(beforeS);
    if (m_nextDue >= beforeS || target <= m_position)
        return 0;
    // Arrivals at m_position + k / rate for k = 0 … count - 1 are all due before beforeS.
    const auto count = quint64(std::ceil((target - m_position) * m_rate - 1e-9));
    m_position += double(count) / m_rate;
    updateDue();
    return count;
}

quint64 ArrivalSchedule::dueBefore(double untilS) const
{
    const double target = m_profile.cumulative(untilS);
    if (m_nextDue >= untilS || target <= m_position)
        return 0;
    return quint64(std::ceil((target - m_position) * m_rate - 1e-9));
}

void ArrivalSchedule::setRate(double rate, double nowS)
{
    const double now = m_profile.cumulative(nowS);
    const double owed = std::max(0.0, now - m_position) * m_rate; // requests, not load
    m_rate = std::max(rate, 1e-9);
    m_position = owed > 0 ? now - owed / m_rate : std::min(m_position, now + 1 / m_rate);
    updateDue();
}

void ArrivalSchedule::setProfile(const LoadProfile &profile, double nowS)
{
    // Keep the arrivals already owed (now minus the next due time, in the old profile's load)
    // and continue at the new profile's load from now on.
    const double owed = std::max(0.0, m_profile.cumulative(nowS) - m_position);
    m_profile = profile;
    m_position = profile.cumulative(nowS) - owed;
    m_position = std::min(m_position, profile.cumulative(nowS) + 1 / m_rate);
    updateDue();
}

int activeUsers(double fraction, int connections)
{
    return std::clamp(int(std::ceil(fraction * connections - 1e-9)), 1, std::max(connections, 1));
}

} // namespace infralab::trafficgenerator
