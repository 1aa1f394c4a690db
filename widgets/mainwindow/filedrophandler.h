#pragma once

#include <QObject>

namespace infralab {

// Files dragged from a file manager onto the window (the canvas or anywhere else): the first
// local file of the drag is offered as fileDropped(), after the drop returned, so opening it
// may ask questions. Palette drags are left to the canvas's own drop handler.
class FileDropHandler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileDropHandler)

public:
    explicit FileDropHandler(QObject *parent = nullptr);

    // Takes the file drags of `widget`, and makes it accept drops.
    void watch(QWidget *widget);

signals:
    void fileDropped(const QString &fileName);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace infralab
