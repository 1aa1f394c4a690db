#pragma once

#include "net/readinesspoller.h"
#include "net/streamfault.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <memory>

namespace infralab::net {

class FaultPolicy;
class StreamSocket;
struct SocketFaults;

// Who is told, with a direct call (no signal), that a socket has something to read or reached
// its end. It may delete the socket or change the reader inside the call.
class SocketReader
{
public:
    virtual void socketReadable(StreamSocket *socket) = 0;

protected:
    ~SocketReader() = default;
};

// A connected, non-blocking TCP socket owned by one network thread. Reads go straight into the
// caller's buffer and writes straight to the kernel: only what the kernel does not take at once
// is queued, and write readiness is asked for only then (QTcpSocket would copy every byte
// through its own ring buffers twice). Readiness comes from the thread's ReadinessPoller, not a
// QSocketNotifier per socket. All connection I/O passes through it, so it is fault injection's
// one seam per direction: with faults set (setFaults), every byte read or written passes their
// StreamFault, which may delay, hold, cut or reset it without blocking the thread. Without
// faults that costs one pointer test per call. Linux only.
class StreamSocket final : public QObject, private ReadinessHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamSocket)

public:
    enum class ReadStatus { Data, WouldBlock, EndOfStream, Error };

    // Takes ownership of a connected descriptor; sets TCP_NODELAY. Must be made in the thread
    // that uses it. Should the thread's poller refuse the descriptor, the socket is closed and
    // failed() follows from the event loop.
    explicit StreamSocket(int fd, QObject *parent = nullptr);
    ~StreamSocket() override;

    int descriptor() const { return m_fd; }
    bool isOpen() const { return m_fd >= 0; }
    QByteArray peerAddress() const; // "127.0.0.1"; read once from the kernel
    quint16 peerPort() const { return m_peerPort; }

    // Appends at most `maxBytes` to `buffer`.
    ReadStatus readInto(QByteArray &buffer, qsizetype maxBytes, qsizetype *bytesRead);
    // Hears read readiness; null = nobody (readiness is then dropped).
    void setReader(SocketReader *reader) { m_reader = reader; }
    SocketReader *reader() const { return m_reader; }
    // While disabled, the reader is not called. Cheap both ways (usually no system call):
    // the kernel is told only when readiness arrives while reading is off.
    void setReadEnabled(bool enabled);
    bool isReadEnabled() const { return m_readEnabled; }

    // Sends now as much as the kernel takes and queues the rest (in order).
    void write(QByteArrayView data);
    // Two pieces in one system call (head + body).
    void write(QByteArrayView first, QByteArrayView second);
    // Queued for the peer: what the kernel did not take, and what a fault delays or holds.
    qsizetype pendingBytes() const { return m_out.size() - m_outOffset + m_faultQueuedOut; }
    // Sends up to `count` bytes of `fileFd` from `offset` with sendfile(2); only when nothing
    // is queued. Returns the bytes sent (0 with *wouldBlock when the socket is full: drained()
    // follows once it can take more), or -1 when the socket or the file failed.
    qint64 sendFile(int fileFd, qint64 offset, qint64 count, bool *wouldBlock);

    // TCP_CORK (nginx's tcp_nopush): while corked the kernel sends only full segments, so a
    // head and the sendfile(2) chunks of a large file leave as full packets instead of a small
    // one after every call (TCP_NODELAY pushes each call's tail at once). Uncorking sends what
    // is left. A no-op when the state does not change.
    void setCorked(bool corked);

    // Fault injection (net/streamfault.h): from now on every chunk read passes `inbound` and
    // every chunk written passes `outbound`; null lets that direction pass. Replacing or
    // removing a fault releases what it delayed or held, in order. Any Close or Reset it plans
    // closes the socket: the reader's next readInto() says Error, a write emits failed().
    void setFaults(std::unique_ptr<StreamFault> inbound, std::unique_ptr<StreamFault> outbound);
    // setFaults() with what `policy` (may be null) makes for a new connection.
    void applyFaultPolicy(const FaultPolicy *policy);
    bool hasFaults() const { return m_faults != nullptr; }

    // Half-closes the sending side once everything queued is sent.
    void shutdownWriteWhenFlushed();
    // Closes now, dropping queued output. With `reset`, sends RST instead of FIN.
    void abort(bool reset = false);

signals:
    void drained();         // the queue became empty after a partial write
    void failed(int error); // a write failed (peer reset or gone); the socket is closed

private:
    void descriptorReady(quint32 events) override;
    void onWritable();
    void armWrite();
    // Tells the poller what we want when it differs from what it knows.
    void updateInterest();
    quint32 wanted() const
    {
        return (m_readEnabled && !kernelReadsPaused() ? ReadinessPoller::Readable : 0u)
               | (m_writeArmed ? ReadinessPoller::Writable : 0u);
    }
    qsizetype kernelPendingBytes() const { return m_out.size() - m_outOffset; }
    qsizetype sendNow(const char *data, qsizetype size, bool *failedOut);
    void writeToKernel(QByteArrayView data);
    void fail(int error);

    // streamsocketfaults.cpp
    bool kernelReadsPaused() const { return m_faults && faultsPauseKernelReads(); }
    bool faultsPauseKernelReads() const;
    ReadStatus readFaulted(QByteArray &buffer, qsizetype maxBytes, qsizetype *bytesRead);
    void writeFaulted(QByteArrayView data);
    bool planChunk(int direction, QByteArray bytes, bool inline_);
    void deliver(int direction, const QByteArray &bytes);
    bool releaseDue(bool all);
    void armFaultTimer();
    void faultTimerFired();
    void tellReader();
    void outboundReleased();

    int m_fd = -1;
    quint16 m_peerPort = 0;
    quint32 m_peerIPv4 = 0;
    SocketReader *m_reader = nullptr;
    QPointer<ReadinessPoller> m_poller; // gone when the thread's event loop ended
    quint32 m_registered = 0;           // the interest the poller has; 0 = not in its set
    bool *m_destroyed = nullptr;        // set while inside descriptorReady()
    QByteArray m_out;
    qsizetype m_outOffset = 0;
    bool m_readEnabled = true;
    bool m_writeArmed = false;
    bool m_shutdownPending = false;
    bool m_corked = false;
    std::unique_ptr<SocketFaults> m_faults; // only while faults act or release what they held
    qsizetype m_faultQueuedOut = 0;         // outbound bytes a fault delays or holds
};

} // namespace infralab::net
