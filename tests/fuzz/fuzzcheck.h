#pragma once

// What every fuzz target uses to report a broken invariant: a message and abort(), which
// libFuzzer records as a crash with the input that caused it.

#include <QByteArrayView>

#include <cstdio>
#include <cstdlib>

namespace infralab::fuzz {

inline void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

// True when `view` is empty or lies inside `buffer` (parsed views must point into the input).
inline bool inside(QByteArrayView view, QByteArrayView buffer)
{
    return view.isEmpty()
           || (view.data() >= buffer.data()
               && view.data() + view.size() <= buffer.data() + buffer.size());
}

} // namespace infralab::fuzz
