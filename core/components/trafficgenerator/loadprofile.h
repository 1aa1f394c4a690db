#pragma once

#include "catalogue/choices.h"

#include <QString>

namespace infralab::trafficgenerator {

// The shape of a generator's load over time, as a share of full load (the configured rate in
// the open model, the configured connections in the closed model), like k6's ramping
// executors: constant; ramp (0 to full over one period, then full); steps (a quarter more each
// period up to full); spike (a tenth of full load, full load for the last tenth of each
// period, repeating). A pure function of the time since the start, so tests give the time.
class LoadProfile
{
public:
    enum class Shape { Constant, Ramp, Steps, Spike };

    LoadProfile() = default;
    LoadProfile(Shape shape, double periodS);

    // The `profile` values: "constant", "ramp", "steps", "spike".
    static constexpr Choices<Shape, 4> shapeChoices{{
        {"constant", Shape::Constant},
        {"ramp", Shape::Ramp},
        {"steps", Shape::Steps},
        {"spike", Shape::Spike},
    }};
    static QString shapeName(Shape shape) { return choiceName(shapeChoices, shape); }

    Shape shape() const { return m_shape; }
    double periodS() const { return m_periodS; }

    // Share of full load at `elapsedS` seconds since the start, in 0..1.
    double fraction(double elapsedS) const;
    // Integral of fraction() from 0 to `elapsedS`: the load delivered so far, in seconds at
    // full load. Strictly increasing where fraction() > 0, so it can be inverted.
    double cumulative(double elapsedS) const;
    // The time at which cumulative() reaches `units` (its inverse).
    double timeFor(double units) const;

    bool operator==(const LoadProfile &other) const = default;

private:
    Shape m_shape = Shape::Constant;
    double m_periodS = 30;
};

// The open model's clock of arrivals (wrk2, k6 constant- and ramping-arrival-rate): the k-th
// request is due when the profile's cumulative load reaches k / rate. Times are seconds since
// the generator started; the caller supplies them, so the schedule is deterministic and
// independent of when timers fire.
class ArrivalSchedule
{
public:
    // `rate` is requests per second at full load; `offsetS` shifts the first arrival (network
    // threads sharing one rate interleave their arrivals instead of sending in step).
    ArrivalSchedule(const LoadProfile &profile, double rate, double offsetS = 0);

    double rate() const { return m_rate; }
    const LoadProfile &profile() const { return m_profile; }
    // When the next request is due.
    double nextDue() const { return m_nextDue; }
    // The next request was sent (or dropped): move on to the one after.
    void advance();
    // Drops every arrival due before `beforeS`; returns how many.
    quint64 skipBefore(double beforeS);
    // Arrivals due in [nextDue, untilS): those still owed when the run ends.
    quint64 dueBefore(double untilS) const;

    // Live changes at `nowS`: arrivals owed from the past stay owed (they are late, not
    // forgiven); the next future arrival comes no later than one new interval from now.
    void setRate(double rate, double nowS);
    void setProfile(const LoadProfile &profile, double nowS);

private:
    void updateDue() { m_nextDue = m_profile.timeFor(m_position); }

    LoadProfile m_profile;
    double m_rate;
    double m_position; // cumulative load at which the next request is due
    double m_nextDue = 0;
};

// How many of `connections` virtual users the closed model runs at `fraction` of full load:
// at least one, so a ramp starting from zero still sends.
int activeUsers(double fraction, int connections);

} // namespace infralab::trafficgenerator
