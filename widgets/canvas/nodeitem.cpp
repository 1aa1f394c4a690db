#include "canvas/nodeitem.h"

#include "canvas/kindstyle.h"
#include "canvas/linkitem.h"
#include "model/topology.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPaintEngine>
#include <QPainter>
#include <QPalette>
#include <QSet>
#include <QStyleOptionGraphicsItem>
#include <QSvgRenderer>
#include <QWidget>

#include <algorithm>

namespace infralab {

namespace {

constexpr qreal Radius = 8;
constexpr qreal IconBox = 34;
constexpr qreal Padding = 10;
constexpr qreal IconGap = 5;
constexpr qreal ShadowOffset = 2;
// Below this scale names are too small to read: a card is drawn as a plain tile in its kind's
// colours, which also keeps zoomed-out frames of large topologies cheap.
constexpr qreal DetailedScale = 0.4;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

NodeItem::NodeItem(const QString &id, const KindStyle *style)
    : m_id(id)
    , m_style(style)
{
    setFlags(ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    // Cards are small and costly to draw (SVG icon, text); panning then blits their pixmaps.
    setCacheMode(DeviceCoordinateCache);
    setZValue(1); // above links
}

void NodeItem::sync(const Node &node)
{
    Q_ASSERT(node.id == m_id);
    if (node.kind != m_kind) {
        m_kind = node.kind;
        m_kindName = m_style->displayName(m_kind);
        m_accent = m_style->accent(m_kind);
        m_icon = m_style->icon(m_kind);
        m_runs = m_style->runs(m_kind);
    }
    m_title = node.displayName();
    QString tip = node.description.isEmpty() ? m_id : node.description;
    if (!m_runs)
        tip += QLatin1Char('\n')
               + QCoreApplication::translate("NodeItem",
                                             "%1 does not run in this version yet: Start skips "
                                             "this node.")
                     .arg(m_kindName);
    setToolTip(tip);
    if (node.position)
        setPos(*node.position);
    update();
}

void NodeItem::addLink(LinkItem *link)
{
    if (!m_links.contains(link))
        m_links.append(link);
}

void NodeItem::removeLink(LinkItem *link)
{
    m_links.removeAll(link);
}

void NodeItem::setHighlight(Highlight highlight)
{
    if (m_highlight == highlight)
        return;
    m_highlight = highlight;
    update();
}

void NodeItem::setRunState(RunState state)
{
    if (m_runState == state)
        return;
    m_runState = state;
    update();
}

QColor NodeItem::runStateColor(RunState state)
{
    switch (state) {
    case RunState::None: break;
    case RunState::Starting: return QColor(0x4d, 0xab, 0xf7);
    case RunState::Running: return QColor(0x2f, 0x9e, 0x44);
    case RunState::Degraded: return QColor(0xf0, 0x8c, 0x00);
    case RunState::Failed: return QColor(0xe0, 0x31, 0x31);
    case RunState::Stopped: return QColor(0x86, 0x8e, 0x96);
    case RunState::Skipped: return QColor(0xad, 0xb5, 0xbd);
    }
    return {};
}

void NodeItem::setBadge(const QString &text)
{
    if (m_badge == text)
        return;
    m_badge = text;
    update();
}

bool NodeItem::isOnHandle(const QPointF &itemPos)
{
    const QPointF d = itemPos - handleCenter();
    const qreal reach = HandleRadius + 5; // a little forgiving
    return d.x() * d.x() + d.y() * d.y() <= reach * reach;
}

bool NodeItem::isOnEdge(const QPointF &itemPos)
{
    const QRectF card = cardRect();
    return card.contains(itemPos)
           && !card.adjusted(EdgeBand, EdgeBand, -EdgeBand, -EdgeBand).contains(itemPos);
}

void NodeItem::setLinkZoneHovered(bool hovered)
{
    if (m_linkZoneHovered == hovered)
        return;
    m_linkZoneHovered = hovered;
    if (hovered)
        setCursor(Qt::CrossCursor);
    else
        unsetCursor();
    update();
}

QRectF NodeItem::cardRect()
{
    return QRectF(-Width / 2, -Height / 2, Width, Height);
}

QRectF NodeItem::boundingRect() const
{
    // Room for the selection outline and its halo, the shadow, the handle and a badge on the
    // bottom edge.
    constexpr qreal Outline = SelectionOffset + 4;
    return cardRect().adjusted(-Outline, -Outline, std::max(Outline, HandleRadius + 2),
                               std::max(Outline, 14.0));
}

QPainterPath NodeItem::shape() const
{
    // The card and its handle's reach, as one outline (a plain path of both would leave their
    // overlap outside under the odd-even rule). Every card has the same one: computed once.
    static const QPainterPath outline = [] {
        QPainterPath card;
        card.addRoundedRect(cardRect(), Radius, Radius);
        QPainterPath handle;
        handle.addEllipse(handleCenter(), HandleRadius + 5, HandleRadius + 5);
        return card.united(handle);
    }();
    return outline;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    const bool dark = isDark(palette);
    const QRectF card = cardRect();
    const bool selected = option->state & QStyle::State_Selected;

    const QColor fill
        = dark ? palette.color(QPalette::Window).lighter(135) : palette.color(QPalette::Base);
    if (QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
        < DetailedScale) {
        paintTile(painter, fill, selected);
        return;
    }

    painter->setRenderHint(QPainter::Antialiasing);
    if (selected)
        paintSelection(painter, palette);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, dark ? 90 : 28));
    painter->drawRoundedRect(card.translated(0, ShadowOffset), Radius, Radius);

    QColor border = palette.color(QPalette::WindowText);
    border.setAlphaF(dark ? 0.22f : 0.18f);
    const QColor highlight = palette.color(QPalette::Highlight);
    painter->setBrush(fill);
    QPen outline = selected ? QPen(highlight, 2) : QPen(border, 1);
    if (m_linkZoneHovered && !selected)
        outline = QPen(m_accent, 2); // where a drag starts a link
    if (!m_runs && !selected && !m_linkZoneHovered) {
        // A card whose kind does not run yet: dashed, like a placeholder.
        border.setAlphaF(dark ? 0.5f : 0.45f);
        outline = QPen(border, 1.2, Qt::DashLine);
    }
    painter->setPen(outline);
    if (m_highlight != Highlight::None) {
        const QColor judged = m_highlight == Highlight::Accept ? QColor(0x2f, 0x9e, 0x44)
                                                               : QColor(0xe0, 0x31, 0x31);
        painter->setPen(QPen(judged, 3));
    }
    painter->drawRoundedRect(card, Radius, Radius);

    // Category stripe along the top edge, in the card's rounded corners: one shape for every
    // card, filled (a clip path per card made every zoom step re-render slowly).
    static const QPainterPath stripe = [] {
        QPainterPath cardPath;
        cardPath.addRoundedRect(cardRect(), Radius, Radius);
        QPainterPath band;
        band.addRect(QRectF(-Width / 2, -Height / 2, Width, 3));
        return cardPath.intersected(band);
    }();
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_accent);
    painter->drawPath(stripe);

    // A node the running lab skips is there but does nothing: its content fades.
    const bool skipped = m_runState == RunState::Skipped;
    if (skipped)
        painter->setOpacity(0.5);
    const qreal textWidth = card.width() - 2 * Padding;
    QFont titleFont = widget ? widget->font() : QApplication::font();
    titleFont.setBold(true);
    QFont kindFont = titleFont;
    kindFont.setBold(false);
    if (titleFont.pointSizeF() > 0)
        kindFont.setPointSizeF(titleFont.pointSizeF() * 0.88);
    else
        kindFont.setPixelSize(qMax(8, int(titleFont.pixelSize() * 0.88)));
    const QFontMetricsF titleMetrics(titleFont);
    const QFontMetricsF kindMetrics(kindFont);
    // Icon, name and kind as one block, centred below the stripe.
    const qreal block = IconBox + IconGap + titleMetrics.height() + kindMetrics.height();
    const QRectF iconRect(-IconBox / 2, 1.5 - block / 2, IconBox, IconBox);
    paintIcon(painter, iconRect);
    const qreal titleTop = iconRect.bottom() + IconGap;
    const qreal left = card.left() + Padding;

    painter->setFont(titleFont);
    painter->setPen(palette.color(QPalette::WindowText));
    painter->drawText(QRectF(left, titleTop, textWidth, titleMetrics.height()), Qt::AlignCenter,
                      titleMetrics.elidedText(m_title, Qt::ElideRight, textWidth));

    QColor kindColor = palette.color(QPalette::WindowText);
    kindColor.setAlphaF(0.62f);
    painter->setFont(kindFont);
    painter->setPen(kindColor);
    painter->drawText(
        QRectF(left, titleTop + titleMetrics.height(), textWidth, kindMetrics.height()),
        Qt::AlignCenter, kindMetrics.elidedText(m_kindName, Qt::ElideRight, textWidth));

    if (skipped)
        painter->setOpacity(1);

    paintLiveState(painter, palette, fill);

    if (option->state & QStyle::State_MouseOver || m_linkZoneHovered) {
        // The link handle: a disc in the kind's colour with an arrow pointing out.
        painter->setPen(QPen(fill, 1.5));
        painter->setBrush(m_accent);
        const QPointF c = handleCenter();
        const qreal r = m_linkZoneHovered ? HandleRadius + 1 : HandleRadius;
        painter->drawEllipse(c, r, r);
        painter->setPen(QPen(Qt::white, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        const qreal a = r * 0.45;
        painter->drawLine(c - QPointF(a, 0), c + QPointF(a, 0));
        painter->drawPolyline(QPolygonF{c + QPointF(0, -a), c + QPointF(a, 0), c + QPointF(0, a)});
    }
}

void NodeItem::paintSelection(QPainter *painter, const QPalette &palette) const
{
    // Outside the card and outside the live state ring (which NodeStatusItem draws 0.25 to
    // 2.75 px outside the card): a band in the base colour, the highlight outline on it and a
    // soft halo beyond, the same for every kind and state, so it is never mistaken for a
    // category (the stripe) or a run state (the ring and the dot), and reads over any of them.
    const QRectF card = cardRect();
    const QColor highlight = palette.color(QPalette::Highlight);
    QColor halo = highlight;
    halo.setAlphaF(0.28f);
    const auto around = [&card](qreal offset) {
        return card.adjusted(-offset, -offset, offset, offset);
    };
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(halo, 4));
    painter->drawRoundedRect(around(SelectionOffset + 2), Radius + SelectionOffset + 2,
                             Radius + SelectionOffset + 2);
    painter->setPen(QPen(palette.color(QPalette::Base), 2));
    painter->drawRoundedRect(around(SelectionOffset - 1.5), Radius + SelectionOffset - 1.5,
                             Radius + SelectionOffset - 1.5);
    painter->setPen(QPen(highlight, 2.5));
    painter->drawRoundedRect(around(SelectionOffset), Radius + SelectionOffset,
                             Radius + SelectionOffset);
}

void NodeItem::paintLiveState(QPainter *painter, const QPalette &palette, const QColor &fill) const
{
    const QRectF card = cardRect();
    const QPointF dotCentre(card.right() - 12, card.top() + 13);
    constexpr qreal Dot = 5;
    if (m_runState == RunState::Skipped) {
        // Not stopped but left out: a hollow dot, struck through.
        const QColor color = runStateColor(RunState::Stopped);
        painter->setPen(QPen(color, 1.5));
        painter->setBrush(fill);
        painter->drawEllipse(dotCentre, Dot, Dot);
        painter->drawLine(dotCentre + QPointF(-Dot * 0.7, Dot * 0.7),
                          dotCentre + QPointF(Dot * 0.7, -Dot * 0.7));
    } else if (m_runState != RunState::None) {
        painter->setPen(QPen(fill, 1.5));
        painter->setBrush(runStateColor(m_runState));
        painter->drawEllipse(dotCentre, Dot, Dot);
    }
    // A card whose kind does not run yet says so where a live figure goes, while designing
    // and while the lab skips it.
    const bool notRun = !m_runs
                        && (m_runState == RunState::None || m_runState == RunState::Skipped);
    const QString badge = !m_badge.isEmpty() || !notRun
                              ? m_badge
                              : QCoreApplication::translate("NodeItem", "not in this version");
    if (!badge.isEmpty()) {
        QFont font = painter->font();
        font.setBold(false);
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * 0.9);
        const QFontMetricsF metrics(font);
        const qreal width = std::min(metrics.horizontalAdvance(badge) + 12, card.width() - 16);
        const qreal height = metrics.height() + 2;
        const QRectF pill(-width / 2, card.bottom() - height / 2, width, height);
        QPen pillPen(m_runState == RunState::None ? m_accent : runStateColor(m_runState), 1);
        if (notRun)
            pillPen = QPen(runStateColor(RunState::Stopped), 1, Qt::DashLine);
        painter->setPen(pillPen);
        painter->setBrush(palette.color(QPalette::Base));
        painter->drawRoundedRect(pill, height / 2, height / 2);
        painter->setFont(font);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(pill, Qt::AlignCenter,
                          metrics.elidedText(badge, Qt::ElideRight, width - 8));
    }
}

void NodeItem::paintTile(QPainter *painter, const QColor &fill, bool selected) const
{
    const QRectF card = cardRect();
    painter->setRenderHint(QPainter::Antialiasing, false);
    if (selected) {
        QPen pen(QApplication::palette().color(QPalette::Highlight), 2);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(card.adjusted(-SelectionOffset, -SelectionOffset, SelectionOffset,
                                        SelectionOffset));
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRect(card);
    painter->fillRect(QRectF(card.left(), card.top(), card.width(), card.height() * 0.2), m_accent);
    if (m_highlight != Highlight::None) {
        const QColor judged = m_highlight == Highlight::Accept ? QColor(0x2f, 0x9e, 0x44)
                                                               : QColor(0xe0, 0x31, 0x31);
        painter->setPen(QPen(judged, 0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(card);
    }
}

void NodeItem::paintIcon(QPainter *painter, const QRectF &rect) const
{
    const QPaintEngine *engine = painter->paintEngine();
    if (m_icon && engine && engine->type() != QPaintEngine::Raster) {
        m_icon->render(painter, rect); // vector output (SVG export, printing) stays vector
        return;
    }
    if (m_icon) {
        // The icons are complete category-coloured tiles, rendered at the exact device size
        // (zoom × device pixel ratio), so they stay crisp; the style shares them between cards.
        const qreal deviceScale
            = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
              * painter->device()->devicePixelRatioF();
        const int pixels = qRound(rect.width() * deviceScale);
        const QPixmap pixmap = m_style->iconPixmap(m_kind, pixels);
        if (!pixmap.isNull()) {
            painter->drawPixmap(rect, pixmap, QRectF(pixmap.rect()));
            return;
        }
    }
    // Unknown kind or missing icon: a tile with the kind's initial, so the card still reads.
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_accent);
    painter->drawRoundedRect(rect.adjusted(1, 1, -1, -1), 8, 8);
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(int(rect.height() * 0.5));
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, m_kind.left(1).toUpper());
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        // Callees spread their incoming arrows by the callers' positions: re-route those too.
        QSet<LinkItem *> affected(m_links.cbegin(), m_links.cend());
        for (const LinkItem *link : std::as_const(m_links)) {
            if (link->fromItem() == this) {
                for (LinkItem *sibling : link->toItem()->links())
                    affected.insert(sibling);
            }
        }
        for (LinkItem *link : std::as_const(affected))
            link->updatePath();
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace infralab
