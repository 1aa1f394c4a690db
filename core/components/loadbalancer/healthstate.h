#pragma once

#include <QtGlobal>

namespace infralab::loadbalancer {

// The rise/fall counter of one backend's active health checks (HAProxy `check rise 2 fall 3`):
// an up backend goes down after `fall` failed checks in a row, a down one comes up after
// `rise` passed checks in a row; a check of the other kind resets the count. Backends start
// up, as HAProxy's do (a new server is used at once and needs `fall` failures to go down).
class HealthState
{
public:
    enum class Change : quint8 { None, WentDown, WentUp };

    HealthState(int rise, int fall, bool up = true)
        : m_rise(rise)
        , m_fall(fall)
        , m_up(up)
    {}

    Change record(bool passed)
    {
        if (passed == m_up) {
            m_streak = 0; // the state is confirmed: start counting the other way afresh
            return Change::None;
        }
        if (++m_streak < (m_up ? m_fall : m_rise))
            return Change::None;
        m_up = !m_up;
        m_streak = 0;
        return m_up ? Change::WentUp : Change::WentDown;
    }
    void setThresholds(int rise, int fall)
    {
        m_rise = rise;
        m_fall = fall;
    }

    bool isUp() const { return m_up; }
    int streak() const { return m_streak; } // checks in a row against the current state

private:
    int m_rise;
    int m_fall;
    int m_streak = 0;
    bool m_up;
};

} // namespace infralab::loadbalancer
