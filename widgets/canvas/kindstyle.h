#pragma once

#include "catalogue/kindinfo.h"

#include <QColor>
#include <QPixmap>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

class QSvgRenderer;

namespace infralab {

class ComponentCatalogue;

// How each kind looks on the canvas: its icon (one QSvgRenderer per kind, parsed once and drawn
// as vectors, so it stays crisp at any zoom and device pixel ratio), its category's accent colour
// and its translated display name. The scene owns one and hands it to its items, so items never
// look anything up globally.
class KindStyle final
{
    Q_DISABLE_COPY_MOVE(KindStyle)

public:
    // `runnableKinds`: the kinds this version runs (runtime::ComponentFactory::builtIn());
    // cards of the others say they do not run yet.
    KindStyle(const ComponentCatalogue &catalogue, QStringList runnableKinds);
    ~KindStyle();

    // The kind's icon, or nullptr when the kind is unknown or its icon cannot be read.
    QSvgRenderer *icon(const QString &kind) const;
    // The icon rendered once per kind and pixel size (device pixels, square): cards of one
    // kind share it instead of each rendering the SVG whenever the zoom changes. Null when
    // there is no icon.
    QPixmap iconPixmap(const QString &kind, int devicePixels) const;
    QColor accent(const QString &kind) const;
    // The catalogue's display name, translated (context "Catalogue"); the raw kind if unknown.
    QString displayName(const QString &kind) const;
    // False for a kind in the catalogue that this version does not run yet (Start skips it).
    bool runs(const QString &kind) const;

    // Shared with the icons' tiles: traffic orange, edge blue, compute green, data violet.
    static QColor categoryAccent(Category category);
    static QColor unknownAccent();

private:
    const ComponentCatalogue &m_catalogue;
    const QStringList m_runnable;
    mutable std::map<QString, std::unique_ptr<QSvgRenderer>> m_icons;
    mutable std::map<std::pair<QString, int>, QPixmap> m_pixmaps;
};

} // namespace infralab
