#include "net/brokenpipe.h"

#include <mutex>

#include <csignal>

namespace infralab::net {

void ignoreBrokenPipe()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction current = {};
        if (::sigaction(SIGPIPE, nullptr, &current) != 0)
            return;
        const bool isDefault = !(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_DFL;
        if (!isDefault)
            return; // ignored already, or handled by the embedding program
        struct sigaction ignore = {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        ::sigaction(SIGPIPE, &ignore, nullptr);
    });
}

} // namespace infralab::net
