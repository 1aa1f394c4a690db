#include "components/webserver/webserver.h"

#include "components/webserver/staticfilehandler.h"

#include <QDir>
#include <QFile>

namespace infralab::webserver {

// Custom pages are read once: `404.html` in the folder answers every 404, and so on.
static QHash<int, QByteArray> loadErrorPages(const QString &folder)
{
    QHash<int, QByteArray> pages;
    if (folder.isEmpty())
        return pages;
    const QDir dir(folder);
    const QStringList names = dir.entryList({QStringLiteral("[1-5][0-9][0-9].html")}, QDir::Files);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        if (file.size() <= 1024 * 1024 && file.open(QIODevice::ReadOnly))
            pages.insert(name.left(3).toInt(), file.readAll());
    }
    return pages;
}

WebServer::WebServer(const WebServerConfig &config, ForwarderFactory forwarders)
    : m_settings(std::make_shared<SiteSettings>())
    , m_forwarders(std::move(forwarders))
{
    m_settings->config = config;
    m_settings->errorPages = loadErrorPages(config.errorPagesDir);
    m_settings->accessLog = std::make_shared<httplog::AccessLog>(config.accessLogPath);
}

WebServer::~WebServer() = default;

const WebServerConfig &WebServer::config() const
{
    return m_settings->config;
}

httpserver::HttpServer::HandlerFactory WebServer::handlerFactory() const
{
    std::shared_ptr<const SiteSettings> settings = m_settings;
    ForwarderFactory forwarders = m_forwarders;
    return [settings, forwarders]() -> std::unique_ptr<httpserver::HttpHandler> {
        return std::make_unique<StaticFileHandler>(settings, forwarders ? forwarders() : nullptr);
    };
}

QList<httplog::AccessLogEntry> WebServer::accessLogSnapshot(int max) const
{
    return m_settings->accessLog->snapshot(max);
}

QString WebServer::accessLogError() const
{
    return m_settings->accessLog->fileError();
}

} // namespace infralab::webserver
