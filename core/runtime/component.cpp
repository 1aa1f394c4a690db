#include "runtime/component.h"

namespace infralab::runtime {

Component::Component(QString nodeId, QString kind, QObject *parent)
    : QObject(parent)
    , m_nodeId(std::move(nodeId))
    , m_kind(std::move(kind))
{}

Component::~Component() = default;

void Component::emitStoppedLater()
{
    QMetaObject::invokeMethod(this, &Component::stopped, Qt::QueuedConnection);
}

} // namespace infralab::runtime
