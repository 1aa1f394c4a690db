#pragma once

#include "components/webserver/openfilecache.h"
#include "components/webserver/webserverconfig.h"
#include "httplog/accesslog.h"
#include "httpserver/httpfilter.h"

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
// files, folder redirects, ETag/Last-Modified with 304, single byte ranges, gzip and custom
// error pages. The last filter of a web server's chain (after the access log and the
// forward_prefixes filter, webserver.cpp): it answers every request it gets. One instance per
// network thread, so its file cache needs no lock.
class StaticFileFilter final : public httpserver::HttpFilter
{
public:
    explicit StaticFileFilter(std::shared_ptr<const SiteSettings> settings);

    Result onRequest(httpserver::HttpExchange &exchange) override;

    // Text files up to this size are gzipped (whole, in memory); larger ones go uncompressed.
    static constexpr qint64 GzipMaxSize = 1024 * 1024;
    // nginx sends tiny bodies uncompressed too (gzip_min_length); 256 avoids growing them.
    static constexpr qint64 GzipMinSize = 256;

private:
    void serve(httpserver::HttpExchange &exchange);
    void serveFile(httpserver::HttpExchange &exchange, const QByteArray &path, CachedFile &file);
    bool ensureGzip(CachedFile &file);
    void redirectToFolder(httpserver::HttpExchange &exchange, const QByteArray &path);
    void sendErrorPage(httpserver::HttpExchange &exchange, int status, QByteArrayView name = {},
                       QByteArrayView value = {});

    std::shared_ptr<const SiteSettings> m_settings;
    OpenFileCache m_files;
    bool m_retrying = false;
};

} // namespace infralab::webserver
