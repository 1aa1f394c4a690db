#pragma once

#include <QObject>

class QMainWindow;
class QMenu;

namespace infralab {

class Document;
class HistoryDock;
class InspectorDock;
class PaletteDock;
class PaletteDropHandler;
class ProblemsDock;
class TopologyScene;
class TopologyView;

// The editor's docks around the canvas, created and placed once for the main window: palette
// (left), inspector (right), problems and history (bottom, tabbed), and the canvas's palette
// drop handler. Keeps
// MainWindow to one line per concern.
class EditorDocks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorDocks)

public:
    EditorDocks(QMainWindow *window, Document *document, TopologyScene *scene, TopologyView *view);

    PaletteDock *palette() const { return m_palette; }
    ProblemsDock *problems() const { return m_problems; }
    HistoryDock *history() const { return m_history; }
    InspectorDock *inspector() const { return m_inspector; }

    // Show/hide toggles of every dock.
    void addToggleActions(QMenu *menu) const;

private:
    PaletteDock *m_palette;
    ProblemsDock *m_problems;
    HistoryDock *m_history;
    InspectorDock *m_inspector;
    PaletteDropHandler *m_dropHandler;
};

} // namespace infralab
