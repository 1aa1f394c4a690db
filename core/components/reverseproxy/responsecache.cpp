#include "components/reverseproxy/responsecache.h"

#include <QObject>

namespace infralab::reverseproxy {

qint64 CachedResponse::cost() const
{
    qint64 total = body.size() + target.size() + 256; // 256: the entry, key and list node
    for (const auto &[name, value] : fields)
        total += name.size() + value.size() + 32;
    return total;
}

ResponseCache::ResponseCache(qint64 maxBytes)
    : m_maxBytes(maxBytes)
{}

ResponseCache::~ResponseCache() = default;

QByteArray ResponseCache::variantKey(QByteArrayView primaryKey, const QList<QByteArray> &varyNames,
                                     const http::RequestHead &request)
{
    QByteArray key = primaryKey.toByteArray();
    for (const QByteArray &name : varyNames) {
        key.append('\0');
        key.append(name);
        key.append(':');
        key.append(request.field(name));
    }
    return key;
}

ResponseCache::Lookup ResponseCache::lookup(const QByteArray &primaryKey,
                                            const http::RequestHead &request, qint64 nowMs,
                                            const Waiter *waiter)
{
    Lookup result;
    std::lock_guard lock(m_mutex);
    const auto vary = m_vary.constFind(primaryKey);
    result.key
        = variantKey(primaryKey, vary == m_vary.cend() ? QList<QByteArray>() : *vary, request);
    const auto it = m_entries.find(result.key);
    if (it != m_entries.end()) {
        if (!it->entry->revalidate && nowMs < it->entry->expiresMs) {
            m_lru.splice(m_lru.begin(), m_lru, it->lru);
            result.kind = Lookup::Hit;
            result.entry = it->entry;
            return result;
        }
        result.expired = true;
    }
    const auto fill = m_fills.find(result.key);
    if (fill == m_fills.end()) {
        m_fills.insert(result.key, {});
        result.kind = Lookup::Fill;
    } else if (waiter) {
        fill->append(*waiter);
        result.kind = Lookup::Wait;
    } else {
        result.kind = Lookup::Busy;
    }
    return result;
}

void ResponseCache::store(const QByteArray &fillKey, const QByteArray &primaryKey,
                          const QList<QByteArray> &varyNames, const QByteArray &key,
                          std::shared_ptr<const CachedResponse> entry)
{
    const qint64 cost = entry->cost();
    std::lock_guard lock(m_mutex);
    if (cost <= m_maxBytes) {
        if (const auto old = m_entries.find(key); old != m_entries.end())
            removeLocked(old);
        if (varyNames.isEmpty())
            m_vary.remove(primaryKey);
        else
            m_vary.insert(primaryKey, varyNames);
        m_lru.push_front(key);
        m_entries.insert(key, Slot{std::move(entry), m_lru.begin()});
        m_bytes += cost;
        while (m_bytes > m_maxBytes && !m_lru.empty())
            removeLocked(m_entries.find(m_lru.back()));
    }
    wakeLocked(fillKey);
}

void ResponseCache::endFill(const QByteArray &fillKey)
{
    std::lock_guard lock(m_mutex);
    wakeLocked(fillKey);
}

void ResponseCache::wakeLocked(const QByteArray &fillKey)
{
    const auto fill = m_fills.find(fillKey);
    if (fill == m_fills.end())
        return;
    // Posted, not called: the waiter lives in another thread (or is inside this call stack).
    for (const Waiter &waiter : std::as_const(*fill))
        QMetaObject::invokeMethod(waiter.context, waiter.wake, Qt::QueuedConnection);
    m_fills.erase(fill);
}

void ResponseCache::dropWaiters(const QObject *context)
{
    std::lock_guard lock(m_mutex);
    for (QList<Waiter> &waiters : m_fills) {
        waiters.removeIf([context](const Waiter &w) { return w.context == context; });
    }
}

void ResponseCache::removeLocked(QHash<QByteArray, Slot>::iterator it)
{
    m_bytes -= it->entry->cost();
    m_lru.erase(it->lru);
    m_entries.erase(it);
}

int ResponseCache::purge(QByteArrayView targetPrefix)
{
    std::lock_guard lock(m_mutex);
    int removed = 0;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->entry->target.startsWith(targetPrefix)) {
            m_bytes -= it->entry->cost();
            m_lru.erase(it->lru);
            it = m_entries.erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
    return removed;
}

qint64 ResponseCache::bytes() const
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

int ResponseCache::entryCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_entries.size());
}

} // namespace infralab::reverseproxy
