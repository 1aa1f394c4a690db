#pragma once

#include <QtGlobal>

#include <vector>

namespace infralab::metrics {

// A fixed-capacity FIFO that overwrites its oldest element once full: the collector's
// per-node history (a minute at 250 ms, ten minutes at 1 s) without any allocation after the
// first lap. at(0) is the oldest kept element, at(size() - 1) the newest.
template<typename T>
class RingBuffer
{
public:
    explicit RingBuffer(int capacity)
        : m_capacity(qMax(1, capacity))
    {}

    void push(const T &value)
    {
        if (int(m_items.size()) < m_capacity) {
            m_items.push_back(value);
            return;
        }
        m_items[std::size_t(m_head)] = value;
        m_head = (m_head + 1) % m_capacity;
    }

    int size() const { return int(m_items.size()); }
    int capacity() const { return m_capacity; }
    bool isEmpty() const { return m_items.empty(); }
    const T &at(int index) const
    {
        return m_items[std::size_t((m_head + index) % int(m_items.size()))];
    }
    const T &newest() const { return at(size() - 1); }
    void clear()
    {
        m_items.clear();
        m_head = 0;
    }

private:
    std::vector<T> m_items;
    int m_capacity;
    int m_head = 0; // index of the oldest element once full
};

} // namespace infralab::metrics
