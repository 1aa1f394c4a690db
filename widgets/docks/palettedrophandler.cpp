#include "docks/palettedrophandler.h"

#include "docks/palettedock.h"
#include "document/commands/addnodecommand.h"
#include "document/document.h"

#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QGraphicsView>
#include <QMimeData>

namespace infralab {

PaletteDropHandler::PaletteDropHandler(Document *document, QGraphicsView *view)
    : QObject(view)
    , m_document(document)
    , m_view(view)
{
    view->viewport()->setAcceptDrops(true);
    view->viewport()->installEventFilter(this);
}

bool PaletteDropHandler::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return QObject::eventFilter(watched, event);
    auto *drop = static_cast<QDropEvent *>(event);
    if (!drop->mimeData() || !drop->mimeData()->hasFormat(PaletteDock::MimeType))
        return QObject::eventFilter(watched, event);

    const QString kind = QString::fromUtf8(drop->mimeData()->data(PaletteDock::MimeType));
    const QPointF scenePos = m_view->mapToScene(drop->position().toPoint());
    const Node node = AddNodeCommand::newNode(m_document->topology(), kind, scenePos);
    if (node.id.isEmpty()) {
        drop->ignore();
        return true;
    }
    drop->setDropAction(Qt::CopyAction);
    drop->accept();
    if (type == QEvent::Drop)
        m_document->undoStack()->push(new AddNodeCommand(m_document, node));
    return true;
}

} // namespace infralab
