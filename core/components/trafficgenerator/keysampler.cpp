#include "components/trafficgenerator/keysampler.h"

#include <algorithm>
#include <cmath>

namespace infralab::trafficgenerator {

namespace {

// log1p(x) / x and expm1(x) / x, with their Taylor series near 0 where the quotient loses
// precision (the exponent 1 case of the Zipf integral).
double helper1(double x)
{
    return std::abs(x) > 1e-8 ? std::log1p(x) / x : 1 - x * (0.5 - x * (1.0 / 3 - 0.25 * x));
}

double helper2(double x)
{
    return std::abs(x) > 1e-8 ? std::expm1(x) / x : 1 + x * 0.5 * (1 + x / 3 * (1 + 0.25 * x));
}

} // namespace

KeySampler::KeySampler(Distribution distribution, qint64 keys, double exponent)
    : m_distribution(distribution)
    , m_keys(std::max<qint64>(keys, 1))
    , m_exponent(exponent > 0 ? exponent : 1.0)
{
    if (m_distribution == Distribution::Zipf) {
        m_hIntegralX1 = hIntegral(1.5) - 1;
        m_hIntegralN = hIntegral(double(m_keys) + 0.5);
        m_s = 2 - hIntegralInverse(hIntegral(2.5) - h(2));
    }
}

// h(x) = 1 / x^exponent, the unnormalised density the discrete distribution follows.
double KeySampler::h(double x) const
{
    return std::exp(-m_exponent * std::log(x));
}

// The antiderivative of h: (x^(1-e) - 1) / (1 - e), log(x) when e = 1.
double KeySampler::hIntegral(double x) const
{
    const double logX = std::log(x);
    return helper2((1 - m_exponent) * logX) * logX;
}

double KeySampler::hIntegralInverse(double x) const
{
    double t = x * (1 - m_exponent);
    if (t < -1)
        t = -1; // rounding near the lower end
    return std::exp(helper1(t) * x);
}

qint64 KeySampler::next(Rng &rng) const
{
    if (m_keys == 1)
        return 1;
    if (m_distribution == Distribution::Uniform)
        return std::uniform_int_distribution<qint64>(1, m_keys)(rng);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    while (true) {
        const double u = m_hIntegralN + uniform(rng) * (m_hIntegralX1 - m_hIntegralN);
        const double x = hIntegralInverse(u);
        const qint64 k = std::clamp<qint64>(qint64(x + 0.5), 1, m_keys);
        // Accept at once in the region where the hat matches the histogram, else compare
        // against the bar of k (the rejection step).
        if (double(k) - x <= m_s || u >= hIntegral(double(k) + 0.5) - h(double(k)))
            return k;
    }
}

double KeySampler::probability(qint64 k) const
{
    if (k < 1 || k > m_keys)
        return 0;
    if (m_distribution == Distribution::Uniform)
        return 1.0 / double(m_keys);
    double total = 0;
    for (qint64 i = m_keys; i >= 1; --i) // smallest terms first, for precision
        total += h(double(i));
    return h(double(k)) / total;
}

} // namespace infralab::trafficgenerator
