#pragma once

#include <QtGlobal>

#include <atomic>
#include <memory>
#include <vector>

namespace infralab::net {

// What fault injection wants done to a listener's connections. The later fault issue adds
// kinds (hang, latency, bandwidth, error rates); the connection layer asks the policy at the
// two points every byte passes: when a connection is accepted and when a read returns data.
// Called from network threads, concurrently: implementations keep their state atomic or const.
class FaultPolicy
{
public:
    enum class Verdict : quint8 {
        Pass,  // carry on
        Reset, // abort with RST (the peer sees "connection reset by peer")
        Close, // close with FIN, dropping what was read
    };

    virtual ~FaultPolicy() = default;
    virtual Verdict onAccept() const { return Verdict::Pass; }
    virtual Verdict onRead(qsizetype bytes) const
    {
        Q_UNUSED(bytes);
        return Verdict::Pass;
    }
};

// The one place per listener where a fault policy can act: an atomic pointer that the
// acceptor checks once per accepted connection and the connections once per read. With none
// set that is one relaxed load and a predictable branch. set() is called from the owner's
// thread; a policy replaced while a network thread may still be inside it stays alive until
// the hook dies, so readers never need a reference count.
class FaultHook final
{
    Q_DISABLE_COPY_MOVE(FaultHook)

public:
    FaultHook() = default;

    const FaultPolicy *policy() const { return m_current.load(std::memory_order_acquire); }
    void set(std::shared_ptr<const FaultPolicy> policy)
    {
        m_current.store(policy.get(), std::memory_order_release);
        if (policy)
            m_kept.push_back(std::move(policy));
    }

private:
    std::atomic<const FaultPolicy *> m_current{nullptr};
    std::vector<std::shared_ptr<const FaultPolicy>> m_kept; // owner's thread only
};

} // namespace infralab::net
