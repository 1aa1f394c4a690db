#pragma once

#include "net/streamfault.h"

#include <QByteArray>
#include <QTimer>

#include <deque>
#include <memory>

namespace infralab::net {

// The state a StreamSocket keeps while faults act on it (it has none otherwise): per direction
// the StreamFault and the bytes it delayed or holds, in arrival order, and inbound the bytes
// already released to the reader. One timer for both directions, at the earliest due time.
struct SocketFaults
{
    struct Pending
    {
        qint64 dueMs = 0; // steady clock; Held entries wait for the fault's removal
        QByteArray bytes;
        StreamFault::Action after = StreamFault::Action::Deliver;
        bool held = false;
    };

    static constexpr int In = int(StreamDirection::Inbound);
    static constexpr int Out = int(StreamDirection::Outbound);
    // Inbound bytes held or delayed past this stop reads from the kernel: the peer feels TCP's
    // back-pressure instead of the lab buffering without bound.
    static constexpr qsizetype InboundBudget = 1024 * 1024;

    std::unique_ptr<StreamFault> fault[2];
    std::deque<Pending> queue[2];
    qsizetype queuedIn = 0; // inbound bytes in the queue (outbound: StreamSocket::m_faultQueuedOut)
    QByteArray ready;       // inbound, released, not yet read by the owner
    bool peerEnded = false; // the kernel reported the end; told after the queue
    QTimer timer;

    bool isIdle() const
    {
        return !fault[In] && !fault[Out] && queue[In].empty() && queue[Out].empty()
               && ready.isEmpty();
    }
    bool inboundFull() const { return queuedIn + ready.size() >= InboundBudget; }
};

} // namespace infralab::net
