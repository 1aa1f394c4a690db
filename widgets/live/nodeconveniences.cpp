#include "live/nodeconveniences.h"

#include "live/labsession.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QUrl>

namespace infralab::nodeconveniences {

QString url(const live::LabSession &session, const QString &nodeId)
{
    if (session.state(nodeId) != runtime::NodeState::Running)
        return QString();
    const QString detail = session.stateDetail(nodeId);
    const QUrl parsed(detail);
    return parsed.isValid() && !parsed.host().isEmpty() ? detail : QString();
}

QString curlCommand(const QString &url)
{
    QString target = url;
    if (QUrl(url).path().isEmpty())
        target += QLatin1Char('/');
    target.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return QStringLiteral("curl -i '%1'").arg(target);
}

void copyToClipboard(const QString &text)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

bool openInBrowser(const QString &url)
{
    return QDesktopServices::openUrl(QUrl(url));
}

} // namespace infralab::nodeconveniences
