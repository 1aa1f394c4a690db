#pragma once

#include "live/livestyle.h"

#include <QGraphicsItem>
#include <QString>

#include <vector>

namespace infralab {

// The run state drawn on one node card while the lab runs (with the card's own state dot,
// NodeItem::setRunState): a ring around the card in the state's colour, and a plate under the card
// with the node's address, its current requests/s and a sparkline of the last ten seconds. A child
// of the NodeItem (it moves and dies with it) that never takes mouse buttons, so the card's
// gestures stay the card's.
class NodeStatusItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 20 };
    static constexpr int SparkPoints = 40; // 10 s at one point per 250 ms tick

    explicit NodeStatusItem(QGraphicsItem *card);

    void setState(LiveState state);
    LiveState state() const { return m_state; }
    void setAddress(const QString &address); // "127.0.0.1:8080", empty for kinds without
    QString address() const { return m_address; }
    // One tick: the rate now (negative = the kind serves nothing, e.g. a generator without).
    void addRate(double perSecond);
    double rate() const { return m_rates.empty() ? 0.0 : m_rates.back(); }
    // A short remark under the badge: "edited, not applied", "restarted to apply"; or none.
    void setMark(const QString &mark);
    QString mark() const { return m_mark; }
    void clearHistory();

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override; // the plate only: the card keeps its hover and clicks
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static QRectF plateRect();

private:
    void paintSparkline(QPainter *painter, const QRectF &rect, const QColor &color) const;

    LiveState m_state = LiveState::Stopped;
    QString m_address;
    QString m_mark;
    std::vector<double> m_rates; // oldest first, at most SparkPoints
};

} // namespace infralab
