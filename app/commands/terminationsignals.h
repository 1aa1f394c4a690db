#pragma once

#include <QObject>

class QSocketNotifier;

namespace infralab {

// Turns SIGINT and SIGTERM into a Qt signal in the thread that created this object. The
// handler only write()s the signal number into a socketpair that a QSocketNotifier watches
// (the self-pipe trick): write() is async-signal-safe, anything Qt is not. After the first
// signal the previous dispositions come back, so a second Ctrl+C ends the process at once
// instead of waiting for the drain. One instance per process; Unix only (elsewhere it never
// fires).
class TerminationSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminationSignals)

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override; // restores the previous handlers

signals:
    void received(int signalNumber);

private:
    void readSignal();
    void restoreHandlers();

    QSocketNotifier *m_notifier = nullptr;
    bool m_installed = false;
};

} // namespace infralab
