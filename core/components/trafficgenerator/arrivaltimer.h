#pragma once

#include <QObject>

class QSocketNotifier;
class QTimer;

namespace infralab::trafficgenerator {

// A one-shot timer to the microsecond on the steady clock (a Linux timerfd behind a
// QSocketNotifier). QTimer counts whole milliseconds, so an open-model request due at 3.4 ms
// would leave at 4 ms or later and that wait would count in its latency (measured from when it
// was due): at a few hundred requests per second it added half a millisecond to every
// percentile of a 0.1 ms service. Falls back to a QTimer when timerfd is unavailable.
class ArrivalTimer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArrivalTimer)

public:
    explicit ArrivalTimer(QObject *parent = nullptr);
    ~ArrivalTimer() override;

    // Fires timeout() once at `whenUs` (steadyNowUs() clock); replaces any earlier request.
    void startAt(qint64 whenUs);
    void stop();
    bool isActive() const { return m_armedUs >= 0; }
    qint64 armedForUs() const { return m_armedUs; }

signals:
    void timeout();

private:
    void fire();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_fallback = nullptr;
    qint64 m_armedUs = -1;
};

} // namespace infralab::trafficgenerator
