#pragma once

#include "http/requestparser.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <functional>
#include <list>
#include <memory>
#include <mutex>

class QObject;

namespace infralab::reverseproxy {

// One stored response; immutable once in the cache, so network threads serve it without the
// lock (they hold a shared_ptr).
struct CachedResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> fields; // end-to-end fields as the client got them
    QByteArray body;
    QByteArray target;      // the raw request-target, for purge(prefix)
    qint64 storedMs = 0;    // monotonic clock of the store
    qint64 expiresMs = 0;   // monotonic; fresh while now < expiresMs
    qint64 initialAgeS = 0; // the upstream's Age on arrival
    bool revalidate = false;

    qint64 cost() const;
};

// The reverse proxy's response cache, shared by the node's network threads: entries keyed by
// `host + raw target` (nginx's $proxy_host$request_uri; GET and HEAD share them) plus the
// values of the request fields the stored response named in Vary (RFC 9111 §4.1), bounded by
// bytes with least-recently-used eviction. It also runs the fill lock (nginx proxy_cache_lock):
// the first miss of a key fills it, later ones wait and are woken, from the filler's thread,
// through their own thread's event loop.
// One mutex guards everything (a sharded store buys nothing on two cores); it is held only for
// hash lookups and list splices, never while a body is copied or a socket written, and
// requests that cannot be cached never take it.
class ResponseCache final
{
    Q_DISABLE_COPY_MOVE(ResponseCache)

public:
    // Woken when a fill ends: `wake` is posted to `context` (an object in the waiter's thread).
    struct Waiter
    {
        QObject *context = nullptr;
        std::function<void()> wake;
    };
    struct Lookup
    {
        enum Kind : quint8 { Hit, Fill, Wait, Busy };
        Kind kind = Busy;
        std::shared_ptr<const CachedResponse> entry; // Hit
        QByteArray key;       // Fill: the fill to end with store() or endFill()
        bool expired = false; // a stored entry was found but is stale
    };

    explicit ResponseCache(qint64 maxBytes);
    ~ResponseCache();

    // Hit; else Fill (the caller fetches and ends the fill); else, while another fill of the
    // key runs, Wait (with a waiter, queued) or Busy (without).
    Lookup lookup(const QByteArray &primaryKey, const http::RequestHead &request, qint64 nowMs,
                  const Waiter *waiter);
    // The key a response with these Vary names is stored under for `request`.
    static QByteArray variantKey(QByteArrayView primaryKey, const QList<QByteArray> &varyNames,
                                 const http::RequestHead &request);
    // Stores (replacing, evicting least recently used entries past the bound) and ends the fill.
    void store(const QByteArray &fillKey, const QByteArray &primaryKey,
               const QList<QByteArray> &varyNames, const QByteArray &key,
               std::shared_ptr<const CachedResponse> entry);
    // Ends a fill without storing; its waiters are woken.
    void endFill(const QByteArray &fillKey);
    // Forgets the waiters whose context is going away (a handler being destroyed).
    void dropWaiters(const QObject *context);

    // Removes every entry whose raw target starts with `targetPrefix` ("" or "/" = all);
    // returns how many. Thread-safe (the control API and the GUI call it from their thread).
    int purge(QByteArrayView targetPrefix);

    qint64 maxBytes() const { return m_maxBytes; }
    qint64 bytes() const;
    int entryCount() const;

private:
    struct Slot
    {
        std::shared_ptr<const CachedResponse> entry;
        std::list<QByteArray>::iterator lru;
    };
    void removeLocked(QHash<QByteArray, Slot>::iterator it);
    void wakeLocked(const QByteArray &fillKey);

    const qint64 m_maxBytes;
    mutable std::mutex m_mutex;
    QHash<QByteArray, Slot> m_entries;
    std::list<QByteArray> m_lru;                 // most recently used first
    QHash<QByteArray, QList<QByteArray>> m_vary; // primary key → Vary names of its last store
    QHash<QByteArray, QList<Waiter>> m_fills;    // fills in flight → their waiters
    qint64 m_bytes = 0;
};

} // namespace infralab::reverseproxy
