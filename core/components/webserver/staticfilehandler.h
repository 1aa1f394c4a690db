#pragma once

#include "components/webserver/forwarder.h"
#include "components/webserver/openfilecache.h"
#include "components/webserver/webserverconfig.h"
#include "httplog/accesslog.h"
#include "httpserver/httpexchange.h"

#include <QHash>

#include <memory>

namespace infralab::webserver {

// What every handler of one web server shares, fixed when the server is built.
struct SiteSettings
{
    WebServerConfig config;
    QHash<int, QByteArray> errorPages; // status → custom page from config.errorPagesDir
    std::shared_ptr<httplog::AccessLog> accessLog;
};

// Serves files like nginx's static module (component-specs.md §1.1): GET and HEAD, index
// files, folder redirects, ETag/Last-Modified with 304, single byte ranges, gzip, custom
// error pages and the access log. One instance per network thread, so its file cache needs
// no lock. Paths under forward_prefixes go to the Forwarder first, if there is one.
class StaticFileHandler final : public httpserver::HttpHandler
{
public:
    StaticFileHandler(std::shared_ptr<const SiteSettings> settings,
                      std::unique_ptr<Forwarder> forwarder);

    void handle(httpserver::HttpExchange &exchange) override;
    void finished(const httpserver::HttpExchange &exchange) override;

    // Text files up to this size are gzipped (whole, in memory); larger ones go uncompressed.
    static constexpr qint64 GzipMaxSize = 1024 * 1024;
    // nginx sends tiny bodies uncompressed too (gzip_min_length); 256 avoids growing them.
    static constexpr qint64 GzipMinSize = 256;

private:
    bool isForwarded(QByteArrayView path) const;
    void serveFile(httpserver::HttpExchange &exchange, const QByteArray &path, CachedFile &file);
    bool ensureGzip(CachedFile &file);
    void redirectToFolder(httpserver::HttpExchange &exchange, const QByteArray &path);
    void sendErrorPage(httpserver::HttpExchange &exchange, int status, QByteArrayView name = {},
                       QByteArrayView value = {});

    std::shared_ptr<const SiteSettings> m_settings;
    std::unique_ptr<Forwarder> m_forwarder;
    OpenFileCache m_files;
    std::shared_ptr<httplog::AccessLog::Ring> m_ring;
    bool m_retrying = false;
};

} // namespace infralab::webserver
