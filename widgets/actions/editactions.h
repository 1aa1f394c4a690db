#pragma once

#include <QByteArray>
#include <QObject>
#include <QPoint>

class QAction;
class QMenu;
class QWidget;

namespace infralab {

class Document;
class TopologyScene;
class TopologyView;

// The Edit and View menus' behaviour (Tiled's MapDocumentActionHandler): undo/redo from the
// document's stack; cut, copy and paste as topology JSON text on the clipboard (so they work
// between windows and with any text editor); duplicate, delete, select all, rename; zoom, fit
// and snap to grid; and the canvas's context menus. Every edit ends as one undo command.
class EditActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditActions)

public:
    EditActions(Document *document, TopologyScene *scene, TopologyView *view, QWidget *window);

    void fillEditMenu(QMenu *menu) const;
    void fillViewMenu(QMenu *menu) const;

    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *cutAction() const { return m_cut; }
    QAction *copyAction() const { return m_copy; }
    QAction *pasteAction() const { return m_paste; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *deleteAction() const { return m_delete; }
    QAction *selectAllAction() const { return m_selectAll; }
    QAction *renameAction() const { return m_rename; }
    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }
    QAction *resetZoomAction() const { return m_resetZoom; }
    QAction *fitAction() const { return m_fit; }
    QAction *snapAction() const { return m_snap; }
    QAction *overviewAction() const { return m_overview; }

    void copy();
    void cut();
    void paste();
    // Pastes topology JSON; invalid text changes nothing and reports why. False when refused.
    bool pasteText(const QByteArray &text);
    void duplicate();
    void deleteSelection();
    void selectAll();
    void rename();

signals:
    void statusMessage(const QString &message);
    // Before the canvas's context menu pops up: others (the Run actions) add their entries.
    void contextMenuAboutToShow(QMenu *menu);

private:
    QAction *makeAction(const QString &text, const QKeySequence &shortcut,
                        void (EditActions::*slot)());
    void updateActions();
    void showContextMenu(const QPoint &screenPos);
    bool insertFragment(const QByteArray &json, const QPointF &offset, const QString &text);

    Document *m_document;
    TopologyScene *m_scene;
    TopologyView *m_view;
    QWidget *m_window;
    int m_pasteCount = 0; // repeated pastes step down and right, not on top of each other
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_cut;
    QAction *m_copy;
    QAction *m_paste;
    QAction *m_duplicate;
    QAction *m_delete;
    QAction *m_selectAll;
    QAction *m_rename;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_resetZoom;
    QAction *m_fit;
    QAction *m_snap;
    QAction *m_overview;
};

} // namespace infralab
