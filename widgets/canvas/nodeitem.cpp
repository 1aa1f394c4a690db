#include "canvas/nodeitem.h"

#include "canvas/kindstyle.h"
#include "canvas/linkitem.h"
#include "model/topology.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QSvgRenderer>
#include <QWidget>

namespace infralab {

namespace {

constexpr qreal Radius = 8;
constexpr qreal IconBox = 36;
constexpr qreal Padding = 12;
constexpr qreal ShadowOffset = 2;

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
    }
    m_title = node.displayName();
    setToolTip(node.description.isEmpty() ? m_id : node.description);
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

QRectF NodeItem::cardRect()
{
    return QRectF(-Width / 2, -Height / 2, Width, Height);
}

QRectF NodeItem::boundingRect() const
{
    // Room for the selection outline and the shadow.
    return cardRect().adjusted(-3, -3, 3 + ShadowOffset, 3 + ShadowOffset);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(cardRect(), Radius, Radius);
    return path;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    const bool dark = isDark(palette);
    const QRectF card = cardRect();
    const bool selected = option->state & QStyle::State_Selected;

    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, dark ? 90 : 28));
    painter->drawRoundedRect(card.translated(0, ShadowOffset), Radius, Radius);

    const QColor fill
        = dark ? palette.color(QPalette::Window).lighter(135) : palette.color(QPalette::Base);
    QColor border = palette.color(QPalette::WindowText);
    border.setAlphaF(dark ? 0.22f : 0.18f);
    painter->setBrush(fill);
    painter->setPen(selected ? QPen(m_accent, 2) : QPen(border, 1));
    painter->drawRoundedRect(card, Radius, Radius);

    // Category stripe along the left edge, clipped to the card's rounded corners.
    painter->save();
    painter->setClipPath(shape());
    painter->fillRect(QRectF(card.left(), card.top(), 4, card.height()), m_accent);
    painter->restore();

    const QRectF iconRect(card.left() + Padding, -IconBox / 2, IconBox, IconBox);
    paintIcon(painter, iconRect);

    const qreal textLeft = iconRect.right() + 10;
    const qreal textWidth = card.right() - Padding - textLeft;
    QFont titleFont = widget ? widget->font() : QApplication::font();
    titleFont.setBold(true);
    QFont kindFont = titleFont;
    kindFont.setBold(false);
    kindFont.setPointSizeF(titleFont.pointSizeF() * 0.85);
    const QFontMetricsF titleMetrics(titleFont);
    const QFontMetricsF kindMetrics(kindFont);
    const qreal blockHeight = titleMetrics.height() + 2 + kindMetrics.height();
    const qreal top = -blockHeight / 2;

    painter->setFont(titleFont);
    painter->setPen(palette.color(QPalette::WindowText));
    painter->drawText(QRectF(textLeft, top, textWidth, titleMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(m_title, Qt::ElideRight, textWidth));

    QColor kindColor = palette.color(QPalette::WindowText);
    kindColor.setAlphaF(0.65f);
    painter->setFont(kindFont);
    painter->setPen(kindColor);
    painter->drawText(
        QRectF(textLeft, top + titleMetrics.height() + 2, textWidth, kindMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        kindMetrics.elidedText(m_kindName, Qt::ElideRight, textWidth));
}

void NodeItem::paintIcon(QPainter *painter, const QRectF &rect) const
{
    QColor tint = m_accent;
    tint.setAlphaF(0.14f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(tint);
    painter->drawRoundedRect(rect, 6, 6);
    if (m_icon) {
        m_icon->render(painter, rect.adjusted(4, 4, -4, -4));
        return;
    }
    // Unknown kind or missing icon: the kind's initial, so the card still reads.
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(int(rect.height() * 0.5));
    painter->setFont(font);
    painter->setPen(m_accent);
    painter->drawText(rect, Qt::AlignCenter, m_kind.left(1).toUpper());
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        for (LinkItem *link : std::as_const(m_links))
            link->updatePath();
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace infralab
