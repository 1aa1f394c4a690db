#include "docks/editordocks.h"

#include "canvas/topologyview.h"
#include "docks/historydock.h"
#include "docks/palettedock.h"
#include "docks/palettedrophandler.h"
#include "docks/problemsdock.h"
#include "inspector/inspectordock.h"

#include <QMainWindow>
#include <QMenu>

namespace infralab {

EditorDocks::EditorDocks(QMainWindow *window, Document *document, TopologyScene *scene,
                         TopologyView *view)
    : QObject(window)
    , m_palette(new PaletteDock(document, view, window))
    , m_problems(new ProblemsDock(document, scene, view, window))
    , m_history(new HistoryDock(document, window))
    , m_inspector(new InspectorDock(document, scene, window))
    , m_dropHandler(new PaletteDropHandler(document, view))
{
    window->addDockWidget(Qt::LeftDockWidgetArea, m_palette);
    window->addDockWidget(Qt::RightDockWidgetArea, m_inspector);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_history);
    window->tabifyDockWidget(m_problems, m_history);
    m_problems->raise();
    // Their first-run sizes: MainWindow::applyDefaultLayout().
}

void EditorDocks::addToggleActions(QMenu *menu) const
{
    for (QDockWidget *dock :
         {static_cast<QDockWidget *>(m_palette), static_cast<QDockWidget *>(m_inspector),
          static_cast<QDockWidget *>(m_problems), static_cast<QDockWidget *>(m_history)})
        menu->addAction(dock->toggleViewAction());
}

} // namespace infralab
