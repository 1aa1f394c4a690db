#pragma once

#include <QGraphicsTextItem>

namespace infralab {

// The in-place editor of a node's name (F2 or double-click): a one-line text field over the
// card's title. Return or leaving it commits, Escape restores the old name; the tool turns
// every change into a merging RenameNodeCommand, so the card follows the typing live.
class NameEditor final : public QGraphicsTextItem
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NameEditor)

public:
    NameEditor(const QString &nodeId, const QString &name, qreal width);

    QString nodeId() const { return m_nodeId; }
    QString originalName() const { return m_originalName; }

signals:
    void finished(bool accepted);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_nodeId;
    QString m_originalName;
    bool m_done = false;
};

} // namespace infralab
