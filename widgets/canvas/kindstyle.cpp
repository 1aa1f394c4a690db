#include "canvas/kindstyle.h"

#include "catalogue/componentcatalogue.h"

#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QSvgRenderer>

namespace infralab {

KindStyle::KindStyle(const ComponentCatalogue &catalogue, QStringList runnableKinds)
    : m_catalogue(catalogue)
    , m_runnable(std::move(runnableKinds))
{}

bool KindStyle::runs(const QString &kind) const
{
    return m_runnable.contains(kind) || !m_catalogue.find(kind);
}

KindStyle::~KindStyle() = default;

QSvgRenderer *KindStyle::icon(const QString &kind) const
{
    auto it = m_icons.find(kind);
    if (it == m_icons.end()) {
        // Cache misses too (as nullptr), so an unknown kind is not looked up on every paint.
        std::unique_ptr<QSvgRenderer> renderer;
        if (const KindInfo *info = m_catalogue.find(kind); info && QFile::exists(info->icon)) {
            renderer = std::make_unique<QSvgRenderer>(info->icon);
            if (!renderer->isValid())
                renderer.reset();
        }
        it = m_icons.emplace(kind, std::move(renderer)).first;
    }
    return it->second.get();
}

QPixmap KindStyle::iconPixmap(const QString &kind, int devicePixels) const
{
    // Zooming visits many sizes; a bound keeps the cache from growing without end.
    constexpr std::size_t MaxPixmaps = 256;
    const auto key = std::pair(kind, devicePixels);
    if (const auto it = m_pixmaps.find(key); it != m_pixmaps.end())
        return it->second;
    QSvgRenderer *renderer = icon(kind);
    if (!renderer || devicePixels <= 0)
        return {};
    if (m_pixmaps.size() >= MaxPixmaps)
        m_pixmaps.clear();
    QPixmap pixmap(devicePixels, devicePixels);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer->render(&painter, QRectF(0, 0, devicePixels, devicePixels));
    painter.end();
    m_pixmaps.emplace(key, pixmap);
    return pixmap;
}

QColor KindStyle::accent(const QString &kind) const
{
    const KindInfo *info = m_catalogue.find(kind);
    return info ? categoryAccent(info->category) : unknownAccent();
}

QString KindStyle::displayName(const QString &kind) const
{
    const KindInfo *info = m_catalogue.find(kind);
    if (!info)
        return kind;
    return QCoreApplication::translate("Catalogue", info->displayName.toUtf8().constData());
}

QColor KindStyle::categoryAccent(Category category)
{
    switch (category) {
    // The fills of the category tiles in resources/icons/*.svg.
    case Category::Traffic: return QColor(0xe8, 0x59, 0x0c);
    case Category::Edge: return QColor(0x1c, 0x7e, 0xd6);
    case Category::Compute: return QColor(0x2b, 0x8a, 0x3e);
    case Category::Data: return QColor(0x70, 0x48, 0xe8);
    }
    return unknownAccent();
}

QColor KindStyle::unknownAccent()
{
    return QColor(0x6b, 0x72, 0x80);
}

} // namespace infralab
