#include "canvas/nameeditor.h"

#include <QApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QTextDocument>
#include <QWidget>

namespace infralab {

NameEditor::NameEditor(const QString &nodeId, const QString &name, qreal width)
    : m_nodeId(nodeId)
    , m_originalName(name)
{
    setPlainText(name);
    setTextWidth(width);
    document()->setDefaultTextOption(QTextOption(Qt::AlignCenter));
    setTextInteractionFlags(Qt::TextEditorInteraction);
    setZValue(10);
}

void NameEditor::keyPressEvent(QKeyEvent *event)
{
    if (!m_done && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        m_done = true;
        emit finished(true);
        return;
    }
    if (!m_done && event->key() == Qt::Key_Escape) {
        m_done = true;
        emit finished(false);
        return;
    }
    QGraphicsTextItem::keyPressEvent(event);
}

void NameEditor::focusOutEvent(QFocusEvent *event)
{
    QGraphicsTextItem::focusOutEvent(event);
    if (!m_done) {
        m_done = true;
        emit finished(true);
    }
}

void NameEditor::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    painter->setPen(QPen(palette.color(QPalette::Highlight), 1.5));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    // The frame above replaces the text item's dashed focus rectangle.
    QStyleOptionGraphicsItem plain(*option);
    plain.state &= ~(QStyle::State_HasFocus | QStyle::State_Selected);
    QGraphicsTextItem::paint(painter, &plain, widget);
}

} // namespace infralab
