#include "runtime/startorder.h"

#include "model/topology.h"

#include <QHash>

#include <algorithm>

namespace infralab::runtime {

namespace {

// Tarjan's strongly connected components, iterative (no recursion depth limit). It emits a
// component only after every component reachable from it, which is callees-first order.
class CalleesFirst
{
public:
    explicit CalleesFirst(const Topology &topology)
        : m_callees(topology.nodes.size())
        , m_index(topology.nodes.size(), -1)
        , m_lowLink(topology.nodes.size(), 0)
        , m_onStack(topology.nodes.size(), false)
    {
        QHash<QString, int> indexOf;
        for (int i = 0; i < topology.nodes.size(); ++i)
            indexOf.insert(topology.nodes.at(i).id, i);
        for (const Link &link : topology.links) {
            const auto from = indexOf.constFind(link.from);
            const auto to = indexOf.constFind(link.to);
            if (from != indexOf.cend() && to != indexOf.cend())
                m_callees[*from].append(*to);
        }
    }

    QList<int> order()
    {
        for (int node = 0; node < m_callees.size(); ++node) {
            if (m_index.at(node) < 0)
                visit(node);
        }
        return m_order;
    }

private:
    struct Frame
    {
        int node;
        int nextCallee;
    };

    void visit(int root)
    {
        QList<Frame> frames;
        enter(root, frames);
        while (!frames.isEmpty()) {
            Frame &frame = frames.last();
            const QList<int> &callees = m_callees.at(frame.node);
            if (frame.nextCallee < callees.size()) {
                const int callee = callees.at(frame.nextCallee++);
                if (m_index.at(callee) < 0)
                    enter(callee, frames); // invalidates `frame`
                else if (m_onStack.at(callee))
                    m_lowLink[frame.node] = std::min(m_lowLink.at(frame.node), m_index.at(callee));
                continue;
            }
            const int node = frame.node;
            frames.removeLast();
            if (!frames.isEmpty()) {
                const int caller = frames.last().node;
                m_lowLink[caller] = std::min(m_lowLink.at(caller), m_lowLink.at(node));
            }
            if (m_lowLink.at(node) == m_index.at(node))
                emitGroup(node);
        }
    }

    void enter(int node, QList<Frame> &frames)
    {
        m_index[node] = m_lowLink[node] = m_nextIndex++;
        m_stack.append(node);
        m_onStack[node] = true;
        frames.append({node, 0});
    }

    void emitGroup(int root)
    {
        QList<int> group;
        int node = -1;
        do {
            node = m_stack.takeLast();
            m_onStack[node] = false;
            group.append(node);
        } while (node != root);
        std::sort(group.begin(), group.end()); // file order inside a cycle
        m_order += group;
    }

    QList<QList<int>> m_callees;
    QList<int> m_index;
    QList<int> m_lowLink;
    QList<bool> m_onStack;
    QList<int> m_stack;
    QList<int> m_order;
    int m_nextIndex = 0;
};

} // namespace

QStringList startOrder(const Topology &topology)
{
    QStringList ids;
    for (const int node : CalleesFirst(topology).order())
        ids.append(topology.nodes.at(node).id);
    return ids;
}

} // namespace infralab::runtime
