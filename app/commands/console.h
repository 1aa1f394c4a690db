#pragma once

#include <QString>

namespace infralab::console {

// Plain text to stdout / stderr in the locale's encoding, unbuffered enough for scripts
// that interleave both streams. Each call writes `text` as is; add the newline yourself.
void out(const QString &text);
void err(const QString &text);

// `infralab: message` on stderr, the usual prefix of a command-line tool's errors.
void error(const QString &message);

// A usage error: the message, the usage line(s) and a pointer to --help, on stderr.
// Returns ExitUsage so callers can `return console::usageError(...)`.
int usageError(const QString &message, const QString &usage, const QString &helpCommand);

} // namespace infralab::console
