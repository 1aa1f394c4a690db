#include "components/webserver/webserverconfig.h"

#include "catalogue/settings.h"
#include "components/common/httplisteneroptions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace infralab::webserver {

namespace {

QString resolve(const QString &path, const QString &topologyDir)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return QDir::cleanPath(path);
    return QDir::cleanPath(QDir(topologyDir).absoluteFilePath(path));
}

// The canonical form of a readable folder, or an empty string with `error` set.
QString readableFolder(const QString &key, const QString &path, QString *error)
{
    const QFileInfo info(path);
    QString problem;
    if (!info.exists())
        problem = QCoreApplication::translate("WebServer", "%1 folder %2 does not exist.");
    else if (!info.isDir())
        problem = QCoreApplication::translate("WebServer", "%1 %2 is not a folder.");
    else if (!info.isReadable() || !info.isExecutable())
        problem = QCoreApplication::translate("WebServer", "%1 folder %2 cannot be read.");
    if (!problem.isEmpty()) {
        if (error)
            *error = problem.arg(key, QDir::toNativeSeparators(path));
        return {};
    }
    return info.canonicalFilePath();
}

} // namespace

std::optional<WebServerConfig> WebServerConfig::fromJson(const QJsonObject &config,
                                                         const QString &topologyDir, QString *error)
{
    const Settings settings = Settings::ofNode(u"web-server", config);
    WebServerConfig out;
    out.port = quint16(settings.integer("port"));

    const QString root = settings.string("root");
    if (!root.isEmpty()) {
        const QString canonical
            = readableFolder(QStringLiteral("root"), resolve(root, topologyDir), error);
        if (canonical.isEmpty())
            return std::nullopt;
        out.root = QFile::encodeName(canonical);
    }
    const QString errorPages = settings.string("error_pages");
    if (!errorPages.isEmpty()) {
        out.errorPagesDir = readableFolder(QStringLiteral("error_pages"),
                                           resolve(errorPages, topologyDir), error);
        if (out.errorPagesDir.isEmpty())
            return std::nullopt;
    }
    const QString index = settings.string("index");
    if (index.isEmpty() || index.contains(QLatin1Char('/')) || index == QLatin1String("..")) {
        if (error)
            *error = QCoreApplication::translate("WebServer",
                                                 "index must be a file name without '/'.");
        return std::nullopt;
    }
    out.index = index.toUtf8();
    for (const QString &prefix : settings.strings("forward_prefixes")) {
        if (!prefix.isEmpty())
            out.forwardPrefixes.append(prefix.toUtf8());
    }
    out.gzip = settings.boolean("gzip");
    const QString accessLog = settings.string("access_log");
    out.accessLogPath = accessLog.isEmpty() ? QString() : resolve(accessLog, topologyDir);
    out.serverOptions = components::httpListenerOptions(settings);
    out.upstream = components::upstreamOptions(settings);
    return out;
}

} // namespace infralab::webserver
