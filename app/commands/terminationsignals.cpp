#include "commands/terminationsignals.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace infralab {

#ifdef Q_OS_UNIX

namespace {

// Signal dispositions are process-wide, so the pipe the handler writes to is too.
int s_fds[2] = {-1, -1}; // [0] written by the handler, [1] read by the notifier
struct sigaction s_previous[2];
constexpr int HandledSignals[2] = {SIGINT, SIGTERM};

extern "C" void writeSignalNumber(int signalNumber)
{
    const int savedErrno = errno;
    const char byte = char(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(s_fds[0], &byte, 1);
    errno = savedErrno;
}

} // namespace

TerminationSignals::TerminationSignals(QObject *parent)
    : QObject(parent)
{
    Q_ASSERT(s_fds[0] < 0);
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, s_fds) != 0) {
        s_fds[0] = s_fds[1] = -1;
        return; // the default dispositions stay: a signal ends the process at once
    }
    m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminationSignals::readSignal);

    struct sigaction action = {};
    action.sa_handler = writeSignalNumber;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int i = 0; i < 2; ++i)
        ::sigaction(HandledSignals[i], &action, &s_previous[i]);
    m_installed = true;
}

TerminationSignals::~TerminationSignals()
{
    restoreHandlers();
    delete m_notifier;
    for (int &fd : s_fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void TerminationSignals::readSignal()
{
    char byte = 0;
    if (::read(s_fds[1], &byte, 1) != 1)
        return;
    restoreHandlers();
    emit received(int(byte));
}

void TerminationSignals::restoreHandlers()
{
    if (!m_installed)
        return;
    for (int i = 0; i < 2; ++i)
        ::sigaction(HandledSignals[i], &s_previous[i], nullptr);
    m_installed = false;
}

#else

TerminationSignals::TerminationSignals(QObject *parent)
    : QObject(parent)
{}

TerminationSignals::~TerminationSignals() = default;

void TerminationSignals::readSignal() {}

void TerminationSignals::restoreHandlers() {}

#endif

} // namespace infralab
