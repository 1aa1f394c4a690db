#pragma once

#include "catalogue/configkey.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace infralab {

enum class Category { Traffic, Edge, Compute, Data };

QString categoryName(Category category); // "traffic", "edge", "compute", "data"

// Everything the program knows about one kind of component. The single source of truth read
// by validation, the palette, the inspector, the docs check and the exporters.
struct KindInfo
{
    QString kind;        // file-format name: "web-server"
    QString displayName; // "Web server" (translate with context "Catalogue")
    Category category = Category::Compute;
    QString idPrefix;    // fresh ids: "web" → web-1, web-2, …
    QString icon;        // Qt resource path of the SVG icon
    QString description; // one line (translate with context "Catalogue")
    QString urlScheme;   // "http", "postgres", "redis"; empty when the kind does not listen
    QList<ConfigKey> config;
    QList<ConfigKey> linkConfig; // keys of links going out of this kind
    QStringList callees;         // kinds this kind may link to (traffic direction)

    bool listens() const { return !urlScheme.isEmpty(); }
    bool mayCall(QStringView calleeKind) const { return callees.contains(calleeKind); }
    const ConfigKey *findKey(QStringView key) const;
    const ConfigKey *findLinkKey(QStringView key) const;
};

} // namespace infralab
