#pragma once

#include "httpserver/httpserveroptions.h"
#include "upstream/upstreamoptions.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace infralab::webserver {

// A web-server node's settings, validated once from its effective configuration
// (ComponentCatalogue::effectiveConfig) so the request path trusts them.
struct WebServerConfig
{
    quint16 port = 0;
    // Canonical absolute folder to serve, or empty for the bundled demo site (:/site/).
    QByteArray root;
    QByteArray index = "index.html";
    QList<QByteArray> forwardPrefixes;
    bool gzip = false;
    QString errorPagesDir; // canonical absolute folder, or empty for the built-in pages
    QString accessLogPath; // absolute file path, or empty for no log file
    httpserver::HttpServerOptions serverOptions;
    upstream::UpstreamOptions upstream; // requests under forwardPrefixes, to the linked nodes

    bool servesBundledSite() const { return root.isEmpty(); }

    // Relative `root`, `error_pages` and `access_log` are resolved against `topologyDir` (the
    // folder of the topology file). A root or error-page folder that is missing or unreadable
    // is an error naming the folder; `error` then holds a sentence for the user.
    static std::optional<WebServerConfig> fromJson(const QJsonObject &effectiveConfig,
                                                   const QString &topologyDir, QString *error);
};

} // namespace infralab::webserver
