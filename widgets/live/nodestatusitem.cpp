#include "live/nodestatusitem.h"

#include "canvas/nodeitem.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QWidget>

#include <algorithm>

namespace infralab {

namespace {

constexpr qreal PlateGap = 6;
constexpr qreal PlateHeight = 34;
constexpr qreal RingMargin = 4;

} // namespace

NodeStatusItem::NodeStatusItem(QGraphicsItem *card)
    : QGraphicsItem(card)
{
    setAcceptedMouseButtons(Qt::NoButton);
    // It changes 4 times a second, while the flow animation repaints around it 30 times:
    // repaints between its own changes blit a pixmap.
    setCacheMode(DeviceCoordinateCache);
    m_rates.reserve(SparkPoints);
}

QRectF NodeStatusItem::plateRect()
{
    const QRectF card = NodeItem::cardRect();
    return QRectF(card.left() + 4, card.bottom() + PlateGap, card.width() - 8, PlateHeight);
}

QRectF NodeStatusItem::boundingRect() const
{
    const QRectF card = NodeItem::cardRect();
    // The ring, the mark's tag on the top edge, the plate below.
    return card.adjusted(-RingMargin, -12, RingMargin, 0)
        .united(plateRect().adjusted(-1, -1, 1, 1));
}

QPainterPath NodeStatusItem::shape() const
{
    QPainterPath path;
    path.addRect(plateRect());
    return path;
}

void NodeStatusItem::setState(LiveState state)
{
    if (m_state == state)
        return;
    m_state = state;
    update();
}

void NodeStatusItem::setAddress(const QString &address)
{
    if (m_address == address)
        return;
    m_address = address;
    update(plateRect());
}

void NodeStatusItem::setMark(const QString &mark)
{
    if (m_mark == mark)
        return;
    m_mark = mark;
    update();
}

void NodeStatusItem::addRate(double perSecond)
{
    if (int(m_rates.size()) == SparkPoints)
        m_rates.erase(m_rates.begin());
    m_rates.push_back(perSecond);
    update(plateRect());
}

void NodeStatusItem::clearHistory()
{
    m_rates.clear();
    update(plateRect());
}

void NodeStatusItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    const QColor color = liveStateColor(m_state);
    const QRectF card = NodeItem::cardRect();
    painter->setRenderHint(QPainter::Antialiasing);

    // Ring: dashed while the state is in motion, solid once settled, dotted and thin around a
    // node the lab skips (it is not stopped: it does not run at all).
    const bool moving = m_state == LiveState::Starting || m_state == LiveState::Stopping;
    const bool skipped = m_state == LiveState::Skipped;
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(color, skipped ? 1.5 : 2.5,
                         skipped ? Qt::DotLine : (moving ? Qt::DashLine : Qt::SolidLine)));
    painter->drawRoundedRect(card.adjusted(-1.5, -1.5, 1.5, 1.5), 9.5, 9.5);

    QFont font = widget ? widget->font() : QApplication::font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.82);
    painter->setFont(font);
    const QFontMetricsF metrics(font);

    if (!m_mark.isEmpty()) {
        // A tag on the card's top edge, right of the badge: pending or just-applied edits.
        const qreal w = metrics.horizontalAdvance(m_mark) + 10;
        const QRectF tag(card.right() - w - 6, card.top() - metrics.height() / 2 - 1, w,
                         metrics.height() + 2);
        painter->setPen(QPen(QColor(0x1c, 0x7e, 0xd6), 1));
        painter->setBrush(QColor(0xe7, 0xf5, 0xff));
        painter->drawRoundedRect(tag, tag.height() / 2, tag.height() / 2);
        painter->setPen(QColor(0x1c, 0x5a, 0x9c));
        painter->drawText(tag, Qt::AlignCenter, m_mark);
    }

    // Plate: address and rate on the first line, the sparkline below.
    const QRectF plate = plateRect();
    QColor plateFill = palette.color(QPalette::Base);
    plateFill.setAlphaF(0.92f);
    QColor plateBorder = color;
    plateBorder.setAlphaF(0.6f);
    painter->setPen(QPen(plateBorder, 1));
    painter->setBrush(plateFill);
    painter->drawRoundedRect(plate, 5, 5);
    const QRectF line(plate.left() + 6, plate.top() + 1, plate.width() - 12, metrics.height());
    painter->setPen(palette.color(QPalette::WindowText));
    const QString rateLabel
        = m_rates.empty() || m_rates.back() < 0 ? QString() : rateText(m_rates.back());
    const qreal rateWidth = metrics.horizontalAdvance(rateLabel);
    const QString address = m_address.isEmpty() ? liveStateText(m_state) : m_address;
    painter->drawText(line.adjusted(0, 0, -rateWidth - 6, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(address, Qt::ElideMiddle, line.width() - rateWidth - 6));
    painter->setPen(color.darker(115));
    painter->drawText(line, Qt::AlignRight | Qt::AlignVCenter, rateLabel);
    paintSparkline(
        painter,
        QRectF(line.left(), line.bottom() + 1, line.width(), plate.bottom() - line.bottom() - 4),
        color);
}

void NodeStatusItem::paintSparkline(QPainter *painter, const QRectF &rect,
                                    const QColor &color) const
{
    if (m_rates.size() < 2 || rect.height() < 3)
        return;
    const double peak = std::max(1.0, *std::max_element(m_rates.cbegin(), m_rates.cend()));
    const qreal step = rect.width() / (SparkPoints - 1);
    const qreal x0 = rect.right() - step * qreal(m_rates.size() - 1);
    QPolygonF line;
    line.reserve(int(m_rates.size()));
    for (std::size_t i = 0; i < m_rates.size(); ++i) {
        const double value = std::max(0.0, m_rates[i]);
        line.append(QPointF(x0 + step * qreal(i), rect.bottom() - rect.height() * value / peak));
    }
    QPolygonF area = line;
    area.append(QPointF(line.constLast().x(), rect.bottom()));
    area.append(QPointF(line.constFirst().x(), rect.bottom()));
    QColor fill = color;
    fill.setAlphaF(0.18f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawPolygon(area);
    painter->setPen(QPen(color, 1.2));
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(line);
}

} // namespace infralab
