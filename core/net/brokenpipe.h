#pragma once

namespace infralab::net {

// Makes a write to a connection the peer has closed fail with EPIPE instead of killing the
// process with SIGPIPE, for the whole process and every thread (nginx sets SIGPIPE to SIG_IGN
// at startup for the same reason). send(2) and sendmsg(2) already pass MSG_NOSIGNAL, but
// sendfile(2) has no such flag: a client that aborts a large download would otherwise end
// the lab, and the window with it. Idempotent and thread-safe; a handler the embedding
// program installed itself is left alone.
void ignoreBrokenPipe();

} // namespace infralab::net
