#pragma once

#include "components/webserver/webserverconfig.h"
#include "httplog/accesslog.h"
#include "httpserver/httpfilter.h"
#include "httpserver/httpserver.h"

#include <functional>
#include <memory>

namespace infralab::webserver {

struct SiteSettings;

// One `web-server` node's serving side, built once from its validated config: it loads the
// custom error pages, opens the access log and makes the per-thread filter chains for an
// HttpServer: [access log, forward_prefixes → `forwarding` (when given), static files]. The
// runtime owns it next to the HttpServer; chains keep what they share alive, so destroying
// this before the server has stopped is safe.
//
//     auto config = WebServerConfig::fromJson(effective, topologyDir, &error);
//     WebServer site(*config, forwarding);   // forwarding may be empty
//     HttpServer server(pool, site.serverOptions(), site.handlerFactory());
//     server.listen(config->port, &error);
class WebServer final
{
    Q_DISABLE_COPY_MOVE(WebServer)

public:
    // `forwarding` makes, per network thread, the filter that answers requests under
    // forward_prefixes (the upstream client); empty = those paths are served as files.
    explicit WebServer(const WebServerConfig &config,
                       httpserver::HttpFilterFactory forwarding = {});
    ~WebServer();

    const WebServerConfig &config() const;
    const httpserver::HttpServerOptions &serverOptions() const { return config().serverOptions; }
    httpserver::HttpServer::HandlerFactory handlerFactory() const;

    // The access log kept in memory (the last 1000 requests per network thread), oldest first.
    QList<httplog::AccessLogEntry> accessLogSnapshot(int max = -1) const;
    // Why the access_log file could not be opened (requests are still served); else empty.
    QString accessLogError() const;

private:
    std::shared_ptr<SiteSettings> m_settings;
    httpserver::HttpFilterFactory m_forwarding;
};

} // namespace infralab::webserver
