#include "components/trafficgenerator/arrivaltimer.h"

#include "components/trafficgenerator/generatorstats.h"
#include "net/clock.h"
#include "net/listensocket.h"

#include <QSocketNotifier>
#include <QTimer>

#include <sys/timerfd.h>
#include <unistd.h>

namespace infralab::trafficgenerator {

ArrivalTimer::ArrivalTimer(QObject *parent)
    : QObject(parent)
    , m_fd(::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC))
{
    if (m_fd >= 0) {
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &ArrivalTimer::fire);
    } else {
        m_fallback = new QTimer(this);
        m_fallback->setSingleShot(true);
        m_fallback->setTimerType(Qt::PreciseTimer);
        connect(m_fallback, &QTimer::timeout, this, &ArrivalTimer::fire);
    }
}

ArrivalTimer::~ArrivalTimer()
{
    delete m_notifier;
    net::closeDescriptor(m_fd);
}

void ArrivalTimer::startAt(qint64 whenUs)
{
    m_armedUs = whenUs;
    if (m_fallback) {
        const qint64 waitUs = whenUs - steadyNowUs();
        m_fallback->start(int(std::max<qint64>(0, (waitUs + 999) / 1000)));
        return;
    }
    // steadyNowUs() is std::chrono::steady_clock, which is CLOCK_MONOTONIC on Linux.
    itimerspec spec{};
    const qint64 at = std::max<qint64>(whenUs, 1); // 0 would disarm
    spec.it_value.tv_sec = time_t(at / 1000000);
    spec.it_value.tv_nsec = long(at % 1000000) * 1000;
    ::timerfd_settime(m_fd, TFD_TIMER_ABSTIME, &spec, nullptr);
}

void ArrivalTimer::stop()
{
    m_armedUs = -1;
    if (m_fallback) {
        m_fallback->stop();
        return;
    }
    const itimerspec disarm{};
    ::timerfd_settime(m_fd, 0, &disarm, nullptr);
}

void ArrivalTimer::fire()
{
    if (m_fd >= 0) {
        quint64 expirations = 0;
        if (::read(m_fd, &expirations, sizeof expirations) != sizeof expirations)
            return; // re-armed or stopped since it became readable
    }
    m_armedUs = -1;
    emit timeout();
}

} // namespace infralab::trafficgenerator
