#include "components/webserver/webserverconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <limits>

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

int seconds(const QJsonObject &config, const char *key, int fallback)
{
    return config.value(QLatin1String(key)).toInt(fallback) * 1000;
}

} // namespace

std::optional<WebServerConfig> WebServerConfig::fromJson(const QJsonObject &config,
                                                         const QString &topologyDir, QString *error)
{
    WebServerConfig out;
    out.port = quint16(config.value(QLatin1String("port")).toInt(0));

    const QString root = config.value(QLatin1String("root")).toString();
    if (!root.isEmpty()) {
        const QString canonical
            = readableFolder(QStringLiteral("root"), resolve(root, topologyDir), error);
        if (canonical.isEmpty())
            return std::nullopt;
        out.root = QFile::encodeName(canonical);
    }
    const QString errorPages = config.value(QLatin1String("error_pages")).toString();
    if (!errorPages.isEmpty()) {
        out.errorPagesDir = readableFolder(QStringLiteral("error_pages"),
                                           resolve(errorPages, topologyDir), error);
        if (out.errorPagesDir.isEmpty())
            return std::nullopt;
    }
    const QString index
        = config.value(QLatin1String("index")).toString(QStringLiteral("index.html"));
    if (index.isEmpty() || index.contains(QLatin1Char('/')) || index == QLatin1String("..")) {
        if (error)
            *error = QCoreApplication::translate("WebServer",
                                                 "index must be a file name without '/'.");
        return std::nullopt;
    }
    out.index = index.toUtf8();
    const QJsonArray prefixes = config.value(QLatin1String("forward_prefixes")).toArray();
    for (const QJsonValue &prefix : prefixes) {
        if (!prefix.toString().isEmpty())
            out.forwardPrefixes.append(prefix.toString().toUtf8());
    }
    out.gzip = config.value(QLatin1String("gzip")).toBool(false);
    const QString accessLog = config.value(QLatin1String("access_log")).toString();
    out.accessLogPath = accessLog.isEmpty() ? QString() : resolve(accessLog, topologyDir);

    // nginx's client_header_timeout, client_body_timeout, keepalive_timeout, send_timeout,
    // client_max_body_size and worker_connections, under the catalogue's names.
    httpserver::HttpServerOptions &options = out.serverOptions;
    options.headerTimeoutMs = seconds(config, "header_timeout_s", 10);
    options.bodyTimeoutMs = seconds(config, "body_timeout_s", 30);
    options.sendTimeoutMs = seconds(config, "send_timeout_s", 60);
    const int keepAliveMs = seconds(config, "keepalive_timeout_s", 60);
    if (keepAliveMs == 0) {
        options.keepAliveRequests = 1; // keepalive_timeout 0: close after each response
        options.keepAliveTimeoutMs = 1000;
    } else {
        options.keepAliveTimeoutMs = keepAliveMs;
    }
    const qint64 maxBody
        = qint64(config.value(QLatin1String("max_body_bytes")).toDouble(1024 * 1024));
    options.limits.maxBody = maxBody == 0 ? http::HttpLimits::noBodyLimit : maxBody;
    const int maxConnections = config.value(QLatin1String("max_connections")).toInt(1024);
    options.maxConnections = maxConnections == 0 ? std::numeric_limits<int>::max() : maxConnections;
    return out;
}

} // namespace infralab::webserver
