#pragma once

#include "net/streamfault.h"

#include <QtGlobal>

#include <atomic>
#include <memory>
#include <vector>

namespace infralab::net {

// What fault injection wants done to connections: a node's accepted ones (through its
// listener's FaultHook) or the ones a caller opens to one callee (through OutgoingFaults). The
// acceptor asks onAccept() once per accepted connection; every new socket, accepted or opened,
// asks streamFault() once per direction, and its StreamSocket then runs every byte of that
// direction past the StreamFault it got (net/streamfault.h). Called from network threads,
// concurrently: implementations keep their state atomic or const.
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
    // The fault for one new socket's bytes in `direction`; null lets them pass untouched.
    virtual std::unique_ptr<StreamFault> streamFault(StreamDirection direction) const
    {
        Q_UNUSED(direction);
        return nullptr;
    }
};

// The one place per listener where a fault policy can act: an atomic pointer that the
// acceptor checks once per accepted connection and each new connection once. With none set
// that is one relaxed load and a predictable branch. set() is called from the owner's
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

// The caller's side of its links: a fault policy per callee port, for the connections a
// component opens (its upstream client and health checks, the traffic generator's clients).
// Looked up once per new connection; the same keep-alive rule as FaultHook, so lookups from
// network threads need no lock and no reference count.
class OutgoingFaults final
{
    Q_DISABLE_COPY_MOVE(OutgoingFaults)

public:
    OutgoingFaults() = default;

    // Any thread.
    const FaultPolicy *policy(quint16 port) const
    {
        const Table *table = m_current.load(std::memory_order_acquire);
        if (!table)
            return nullptr;
        for (const auto &[tablePort, policy] : *table) {
            if (tablePort == port)
                return policy;
        }
        return nullptr;
    }
    // The owner's thread; null clears the port's policy.
    void set(quint16 port, std::shared_ptr<const FaultPolicy> policy)
    {
        auto table = std::make_unique<Table>();
        if (const Table *current = m_current.load(std::memory_order_acquire)) {
            for (const auto &entry : *current) {
                if (entry.first != port)
                    table->push_back(entry);
            }
        }
        if (policy)
            table->emplace_back(port, policy.get());
        m_current.store(table->empty() ? nullptr : table.get(), std::memory_order_release);
        m_keptTables.push_back(std::move(table));
        if (policy)
            m_keptPolicies.push_back(std::move(policy));
    }

private:
    using Table = std::vector<std::pair<quint16, const FaultPolicy *>>;
    std::atomic<const Table *> m_current{nullptr};
    std::vector<std::unique_ptr<Table>> m_keptTables;               // owner's thread only
    std::vector<std::shared_ptr<const FaultPolicy>> m_keptPolicies; // owner's thread only
};

} // namespace infralab::net
