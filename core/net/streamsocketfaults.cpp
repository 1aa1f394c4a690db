// StreamSocket's fault seam (see streamsocket.h and streamfault.h): the part of the socket
// that runs only while a fault acts on it, kept apart so the plain path stays short.
#include "net/streamsocket.h"

#include "net/clock.h"
#include "net/connectionshard.h"
#include "net/faulthook.h"
#include "net/socketfaults.h"

#include <cerrno>
#include <limits>
#include <sys/socket.h>

namespace infralab::net {

namespace {
constexpr qint64 Never = std::numeric_limits<qint64>::max();
using Action = StreamFault::Action;
} // namespace

void StreamSocket::applyFaultPolicy(const FaultPolicy *policy)
{
    if (!policy)
        return;
    setFaults(policy->streamFault(StreamDirection::Inbound),
              policy->streamFault(StreamDirection::Outbound));
}

void StreamSocket::setFaults(std::unique_ptr<StreamFault> inbound,
                             std::unique_ptr<StreamFault> outbound)
{
    if (!m_faults) {
        if (!inbound && !outbound)
            return;
        m_faults = std::make_unique<SocketFaults>();
        m_faults->timer.setSingleShot(true);
        connect(&m_faults->timer, &QTimer::timeout, this, &StreamSocket::faultTimerFired);
    }
    m_faults->fault[SocketFaults::In] = std::move(inbound);
    m_faults->fault[SocketFaults::Out] = std::move(outbound);
    // What the old faults held or delayed goes now, in order; the new ones see only new bytes.
    bool destroyed = false;
    bool *outer = std::exchange(m_destroyed, &destroyed);
    releaseDue(true);
    if (destroyed) {
        if (outer)
            *outer = true; // inside descriptorReady(): it must not touch us either
        return;
    }
    m_destroyed = outer;
    if (m_faults && m_faults->isIdle() && !m_faults->peerEnded)
        m_faults.reset();
    updateInterest();
}

bool StreamSocket::faultsPauseKernelReads() const
{
    // After the peer's end (reported once the queue is through) and while the inbound queue
    // is full, the kernel's level-triggered readiness would only spin the thread.
    return m_faults->peerEnded || m_faults->inboundFull();
}

StreamSocket::ReadStatus StreamSocket::readFaulted(QByteArray &buffer, qsizetype maxBytes,
                                                   qsizetype *bytesRead)
{
    SocketFaults &f = *m_faults;
    if (m_fd >= 0 && !f.peerEnded && !f.inboundFull()) {
        QByteArray chunk(maxBytes, Qt::Uninitialized);
        ssize_t n;
        do {
            n = ::recv(m_fd, chunk.data(), size_t(maxBytes), 0);
        } while (n < 0 && errno == EINTR);
        if (n > 0) {
            chunk.truncate(n);
            if (!planChunk(SocketFaults::In, std::move(chunk), true) && f.ready.isEmpty())
                return ReadStatus::Error;
        } else if (n == 0) {
            f.peerEnded = true;
            updateInterest();
        } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
            return ReadStatus::Error;
        }
    }
    if (!f.ready.isEmpty()) {
        const qsizetype take = std::min(maxBytes, f.ready.size());
        buffer.append(f.ready.constData(), take);
        f.ready.remove(0, take);
        *bytesRead = take;
        if (!f.ready.isEmpty()) {
            QMetaObject::invokeMethod(this, &StreamSocket::tellReader, Qt::QueuedConnection);
        } else {
            if (f.isIdle() && !f.peerEnded)
                m_faults.reset(); // the faults are gone and so is what they held: fast path
            updateInterest();     // room again: the kernel may be asked for more
        }
        return ReadStatus::Data;
    }
    if (m_fd < 0)
        return ReadStatus::Error;
    if (f.peerEnded && f.queue[SocketFaults::In].empty())
        return ReadStatus::EndOfStream;
    return ReadStatus::WouldBlock;
}

void StreamSocket::writeFaulted(QByteArrayView data)
{
    planChunk(SocketFaults::Out, data.toByteArray(), true);
}

// Carries out the fault's plan for one chunk; false when the plan closed the socket.
bool StreamSocket::planChunk(int direction, QByteArray bytes, bool inline_)
{
    SocketFaults &f = *m_faults;
    auto &queue = f.queue[direction];
    const qint64 now = steadyNowMs();
    StreamFault::Plan plan;
    if (StreamFault *fault = f.fault[direction].get())
        plan = fault->plan(bytes.size(), now);
    if (plan.action == Action::Close || plan.action == Action::Reset) {
        const bool reset = plan.action == Action::Reset;
        abort(reset);
        if (direction == SocketFaults::Out || !inline_)
            emit failed(reset ? ECONNRESET : EPIPE);
        return false;
    }
    SocketFaults::Pending pending;
    pending.bytes = std::move(bytes);
    if (plan.action == Action::Hold) {
        pending.held = true;
        pending.dueMs = Never;
    } else {
        if (plan.deliverBytes >= 0 && plan.deliverBytes < pending.bytes.size()) {
            pending.bytes.truncate(plan.deliverBytes);
            pending.after = plan.after;
        }
        pending.dueMs = now + std::max<qint64>(0, plan.delayMs);
        if (plan.delayMs <= 0 && queue.empty()) {
            deliver(direction, pending.bytes);
            if (pending.after == Action::Close || pending.after == Action::Reset) {
                const bool reset = pending.after == Action::Reset;
                abort(reset);
                if (direction == SocketFaults::Out || !inline_)
                    emit failed(reset ? ECONNRESET : EPIPE);
                return false;
            }
            return true;
        }
    }
    (direction == SocketFaults::In ? f.queuedIn : m_faultQueuedOut) += pending.bytes.size();
    queue.push_back(std::move(pending));
    armFaultTimer();
    if (direction == SocketFaults::In)
        updateInterest(); // the queue may have reached its budget
    return true;
}

void StreamSocket::deliver(int direction, const QByteArray &bytes)
{
    if (direction == SocketFaults::In)
        m_faults->ready.append(bytes);
    else
        writeToKernel(bytes);
}

// Hands on what is due (everything, with `all`) in order; true when anything moved.
bool StreamSocket::releaseDue(bool all)
{
    if (!m_faults)
        return false;
    bool moved[2] = {false, false};
    const qint64 now = steadyNowMs();
    for (int direction : {SocketFaults::In, SocketFaults::Out}) {
        auto &queue = m_faults->queue[direction];
        while (!queue.empty() && m_fd >= 0) {
            SocketFaults::Pending &front = queue.front();
            if (!all && (front.held || front.dueMs > now))
                break;
            SocketFaults::Pending pending = std::move(front);
            queue.pop_front();
            (direction == SocketFaults::In ? m_faults->queuedIn : m_faultQueuedOut)
                -= pending.bytes.size();
            deliver(direction, pending.bytes);
            moved[direction] = true;
            if (pending.after == Action::Close || pending.after == Action::Reset) {
                abort(pending.after == Action::Reset);
                if (direction == SocketFaults::Out)
                    emit failed(pending.after == Action::Reset ? ECONNRESET : EPIPE);
                break;
            }
        }
    }
    armFaultTimer();
    if (moved[SocketFaults::Out])
        outboundReleased();
    if (moved[SocketFaults::In] || m_fd < 0)
        QMetaObject::invokeMethod(this, &StreamSocket::tellReader, Qt::QueuedConnection);
    return moved[0] || moved[1];
}

void StreamSocket::armFaultTimer()
{
    if (!m_faults)
        return;
    qint64 due = Never;
    for (const auto &queue : m_faults->queue) {
        if (!queue.empty() && !queue.front().held)
            due = std::min(due, queue.front().dueMs);
    }
    if (due == Never) {
        m_faults->timer.stop();
        return;
    }
    m_faults->timer.start(int(std::clamp<qint64>(due - steadyNowMs(), 0, 24 * 3600 * 1000)));
}

void StreamSocket::faultTimerFired()
{
    releaseDue(false);
}

void StreamSocket::tellReader()
{
    if (m_readEnabled && m_reader)
        m_reader->socketReadable(this);
}

void StreamSocket::outboundReleased()
{
    if (m_fd < 0 || pendingBytes() > 0)
        return;
    if (m_shutdownPending) {
        m_shutdownPending = false;
        ::shutdown(m_fd, SHUT_WR);
    }
    emit drained();
}

} // namespace infralab::net
