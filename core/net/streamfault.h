#pragma once

#include <QtGlobal>

namespace infralab::net {

// Which way bytes pass a socket: Inbound from the peer (read from the kernel), Outbound to it.
// For a connection a node accepted, Inbound carries the requests; for one a caller opened to
// its callee, Outbound does (Toxiproxy's "upstream" stream is the caller → callee one).
enum class StreamDirection : quint8 { Inbound, Outbound };

// What a fault does with the bytes passing one socket in one direction: the per-connection
// half of a FaultPolicy (Toxiproxy's toxics). A policy makes one per socket and direction, so
// per-connection state (a bandwidth budget, a byte count for limit_data) lives here. Asked once
// per chunk, in order, in the socket's thread; the socket carries out the plan without
// blocking its thread: delayed bytes wait in a queue with a timer, held ones until the fault is
// removed, and bytes never overtake each other.
class StreamFault
{
public:
    enum class Action : quint8 {
        Deliver, // hand the bytes on (after `delayMs`)
        Hold,    // keep them, and everything after, until the fault is removed (timeout toxic)
        Close,   // close the connection with FIN, dropping the bytes
        Reset,   // abort it with RST, dropping the bytes (reset_peer)
    };

    struct Plan
    {
        Action action = Action::Deliver;
        qint64 delayMs = 0;          // Deliver: this long after the bytes came (latency, bandwidth)
        qsizetype deliverBytes = -1; // Deliver: only the first n bytes, then `after` (limit_data)
        Action after = Action::Deliver; // Deliver with deliverBytes: Close or Reset
    };

    virtual ~StreamFault() = default;
    // The plan for the next `bytes` bytes, which arrived at `nowMs` (steady clock).
    virtual Plan plan(qsizetype bytes, qint64 nowMs) = 0;
};

} // namespace infralab::net
