#include "metrics/quantitytext.h"

#include <QCoreApplication>

namespace infralab {

QString rateText(double perSecond)
{
    if (perSecond >= 1000)
        return QCoreApplication::translate("LiveState", "%1k req/s")
            .arg(QString::number(perSecond / 1000, 'f', perSecond >= 10000 ? 1 : 2));
    return QCoreApplication::translate("LiveState", "%1 req/s")
        .arg(QString::number(perSecond, 'f', perSecond >= 10 || perSecond == 0 ? 0 : 1));
}

QString latencyText(double milliseconds)
{
    if (milliseconds >= 1000)
        return QCoreApplication::translate("LiveState", "%1 s")
            .arg(QString::number(milliseconds / 1000, 'f', 2));
    return QCoreApplication::translate("LiveState", "%1 ms")
        .arg(QString::number(milliseconds, 'f', milliseconds >= 10 ? 1 : 2));
}

} // namespace infralab
