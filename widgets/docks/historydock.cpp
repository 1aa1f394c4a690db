#include "docks/historydock.h"

#include "document/document.h"

#include <QUndoView>

namespace infralab {

HistoryDock::HistoryDock(Document *document, QWidget *parent)
    : QDockWidget(tr("History"), parent)
    , m_view(new QUndoView(document->undoStack()))
{
    setObjectName(QStringLiteral("HistoryDock"));
    m_view->setEmptyLabel(tr("<opened>"));
    setWidget(m_view);
}

} // namespace infralab
