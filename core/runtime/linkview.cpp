#include "runtime/linkview.h"

namespace infralab::runtime {

QString calleeHealthName(CalleeHealth health)
{
    switch (health) {
    case CalleeHealth::Unknown: return {};
    case CalleeHealth::Up: return QStringLiteral("up");
    case CalleeHealth::Down: return QStringLiteral("down");
    case CalleeHealth::Ejected: return QStringLiteral("ejected");
    case CalleeHealth::Draining: return QStringLiteral("draining");
    }
    return {};
}

CalleeHealth calleeHealthFromName(QStringView name)
{
    for (const CalleeHealth health :
         {CalleeHealth::Up, CalleeHealth::Down, CalleeHealth::Ejected, CalleeHealth::Draining}) {
        if (name == calleeHealthName(health))
            return health;
    }
    return CalleeHealth::Unknown;
}

} // namespace infralab::runtime
