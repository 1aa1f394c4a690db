#include "runtime/component.h"

namespace infralab::runtime {

Component::Component(QString nodeId, QString kind, QObject *parent)
    : QObject(parent)
    , m_nodeId(std::move(nodeId))
    , m_kind(std::move(kind))
{}

Component::~Component() = default;

QList<LinkView> Component::linkViews() const
{
    QList<LinkView> views;
    for (const auto &[callee, totals] : linkTraffic())
        views.append({callee, double(totals.requests), double(totals.errorCount())});
    return views;
}

void Component::emitStoppedLater()
{
    QMetaObject::invokeMethod(this, &Component::stopped, Qt::QueuedConnection);
}

} // namespace infralab::runtime
