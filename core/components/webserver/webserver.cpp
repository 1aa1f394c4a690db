#include "components/webserver/webserver.h"

#include "components/webserver/staticfilefilter.h"
#include "httplog/accesslogfilter.h"

#include <QDir>
#include <QFile>

namespace infralab::webserver {

namespace {

// Requests whose path starts with one of forward_prefixes go to `forward`; the others pass on
// to the files, as nginx picks `location /api/ { proxy_pass … }` over `location /`.
class PrefixFilter final : public httpserver::HttpFilter
{
public:
    PrefixFilter(QList<QByteArray> prefixes, std::unique_ptr<httpserver::HttpFilter> forward)
        : m_prefixes(std::move(prefixes))
        , m_forward(std::move(forward))
    {}

    Result onRequest(httpserver::HttpExchange &exchange) override
    {
        const QByteArrayView path = exchange.request().path;
        for (const QByteArray &prefix : m_prefixes) {
            if (path.startsWith(prefix))
                return m_forward->onRequest(exchange);
        }
        return Result::Continue;
    }
    void onFinished(const httpserver::HttpExchange &exchange) override
    {
        m_forward->onFinished(exchange);
    }

private:
    QList<QByteArray> m_prefixes;
    std::unique_ptr<httpserver::HttpFilter> m_forward;
};

} // namespace

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

WebServer::WebServer(const WebServerConfig &config, httpserver::HttpFilterFactory forwarding)
    : m_settings(std::make_shared<SiteSettings>())
    , m_forwarding(std::move(forwarding))
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
    httpserver::HttpFilterFactory forwarding
        = settings->config.forwardPrefixes.isEmpty() ? nullptr : m_forwarding;
    return [settings, forwarding]() -> std::unique_ptr<httpserver::HttpHandler> {
        auto chain = std::make_unique<httpserver::FilterChain>();
        chain->append(std::make_unique<httplog::AccessLogFilter>(settings->accessLog));
        if (forwarding)
            chain->append(
                std::make_unique<PrefixFilter>(settings->config.forwardPrefixes, forwarding()));
        chain->append(std::make_unique<StaticFileFilter>(settings));
        return chain;
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
