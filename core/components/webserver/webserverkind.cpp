#include "catalogue/kinds.h"
#include "catalogue/schema.h"

#include <QCoreApplication>

namespace infralab::kinds {

using namespace schema;

// Modelled on nginx serving static files (component-specs.md section 1.1), with proxy_pass
// for the forwarded prefixes.
KindInfo webServer()
{
    KindInfo k;
    k.kind = text("web-server");
    k.displayName = text(QT_TRANSLATE_NOOP("Catalogue", "Web server"));
    k.category = Category::Edge;
    k.idPrefix = text("web");
    k.urlScheme = text("http");
    k.description = text(QT_TRANSLATE_NOOP(
        "Catalogue", "Serves static files like nginx and passes chosen path prefixes on to its "
                     "linked upstreams."));
    k.config = {
        portKey(),
        pathKey(
            "root", "",
            QT_TRANSLATE_NOOP("Catalogue", "Folder to serve; empty serves the bundled demo site.")),
        listKey("forward_prefixes", {"/api/"},
                QT_TRANSLATE_NOOP("Catalogue", "Path prefixes sent on to the linked upstreams.")),
        stringKey("index", "index.html",
                  QT_TRANSLATE_NOOP("Catalogue", "File served for a request that names a folder.")),
        boolKey("gzip", false,
                QT_TRANSLATE_NOOP("Catalogue",
                                  "Compress text responses for clients that accept gzip.")),
        pathKey("error_pages", "",
                QT_TRANSLATE_NOOP("Catalogue",
                                  "Folder with pages named after the status (404.html); empty "
                                  "uses nginx-like built-in pages.")),
    };
    k.config += upstreamKeys(5000, 60000);
    k.config += httpListenerKeys();
    present(k.config, {
        {"root", QT_TRANSLATE_NOOP("Catalogue", "Site folder"), group::Behaviour},
        {"forward_prefixes", QT_TRANSLATE_NOOP("Catalogue", "Forwarded prefixes"), group::Upstreams},
        {"index", QT_TRANSLATE_NOOP("Catalogue", "Index file"), group::Behaviour},
        {"gzip", QT_TRANSLATE_NOOP("Catalogue", "Gzip compression"), group::Behaviour},
        {"error_pages", QT_TRANSLATE_NOOP("Catalogue", "Error pages folder"), group::Behaviour},
    });
    k.callees = httpKinds();
    return k;
}

} // namespace infralab::kinds
