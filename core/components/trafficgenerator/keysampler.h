#pragma once

#include "catalogue/choices.h"

#include <QtGlobal>

#include <random>

namespace infralab::trafficgenerator {

// The random numbers the generator draws (request mix, keys): a fast, seedable engine, one
// per network thread.
using Rng = std::mt19937_64;

// Draws the number that replaces `{n}` in a request path: uniformly from 1 to `keys`, or
// Zipf-distributed (P(k) ∝ 1 / k^exponent), so a few hot keys get most requests as in real
// caches. Zipf uses rejection-inversion sampling (Hörmann and Derflinger, "Rejection-inversion
// to generate variates from monotone discrete distributions", 1996): O(1) per draw and no
// table, so ten million keys cost nothing.
class KeySampler
{
public:
    enum class Distribution { Uniform, Zipf };
    // The `path_distribution` values.
    static constexpr Choices<Distribution, 2> distributionChoices{{
        {"uniform", Distribution::Uniform},
        {"zipf", Distribution::Zipf},
    }};

    explicit KeySampler(Distribution distribution = Distribution::Uniform, qint64 keys = 1,
                        double exponent = 1.0);

    Distribution distribution() const { return m_distribution; }
    qint64 keys() const { return m_keys; }
    double exponent() const { return m_exponent; }

    qint64 next(Rng &rng) const;

    // The exact probability of key k (1 … keys), for tests and the docs.
    double probability(qint64 k) const;

private:
    double h(double x) const;
    double hIntegral(double x) const;
    double hIntegralInverse(double x) const;

    Distribution m_distribution;
    qint64 m_keys;
    double m_exponent;
    double m_hIntegralX1 = 0;
    double m_hIntegralN = 0;
    double m_s = 0;
};

} // namespace infralab::trafficgenerator
