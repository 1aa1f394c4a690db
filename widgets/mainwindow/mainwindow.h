#pragma once

#include <QMainWindow>

class QLabel;
class QMenu;

namespace infralab {

class Autosave;
class Document;
class EditActions;
class EditorDocks;
class FileActions;
class FileDropHandler;
class LiveDocks;
class RecentFiles;
class TopologyScene;
class TopologyView;

// The application window. It composes: the document, the canvas (scene + view), the menus,
// the docks and the status bar; the behaviour lives in handler classes (FileActions,
// EditActions, RecentFiles, Autosave). Geometry and dock state persist in QSettings (the
// state under LayoutVersion: a state of another layout is dropped for the first-run layout,
// which gives the canvas most of the window). Nothing but the user moves or opens a dock:
// selecting a node or starting the lab leaves every dock's size and visibility as it was.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a topology file. On errors shows them in a dialog, keeps the current document and
    // returns false; also false when the user cancels the "unsaved changes" prompt.
    bool openFile(const QString &fileName);

    // Offers what a window that did not close normally left in its recovery file (call once
    // at start, after show()). True when a topology was recovered.
    bool offerRecovery();

    Document *document() const { return m_document; }
    Autosave *autosave() const { return m_autosave; }
    FileActions *fileActions() const { return m_fileActions; }
    EditActions *editActions() const { return m_editActions; }
    RecentFiles *recentFiles() const { return m_recentFiles; }
    TopologyScene *scene() const { return m_scene; }
    TopologyView *view() const { return m_view; }
    EditorDocks *docks() const { return m_docks; }
    LiveDocks *live() const { return m_live; }

    // "3 nodes, 2 links", as shown in the status bar.
    static QString countsText(qsizetype nodes, qsizetype links);

    // Bump when docks are added, removed or moved, so old saved states give way.
    static constexpr int LayoutVersion = 2;
    // The first-run dock sizes (also what a state of another LayoutVersion gets).
    void applyDefaultLayout();

    // The Help menu's text on canvas gestures (linking nodes first).
    static QString gesturesText();
    // Shows it (window-modal, not exec()'d); the box, for tests.
    QWidget *showGestures();

    QMenu *examplesMenu() const { return m_examplesMenu; }
    FileDropHandler *fileDrops() const { return m_fileDrops; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createMenus();
    void updateTitle();
    void updateCounts();
    void showAbout();
    void showLabPhase();
    bool stopLabAndWait();
    void readSettings();
    void writeSettings() const;

    Document *m_document;
    TopologyScene *m_scene;
    TopologyView *m_view;
    RecentFiles *m_recentFiles = nullptr;
    FileActions *m_fileActions = nullptr;
    EditActions *m_editActions = nullptr;
    QLabel *m_countsLabel;
    EditorDocks *m_docks = nullptr;
    LiveDocks *m_live = nullptr;
    Autosave *m_autosave;
    QMenu *m_examplesMenu = nullptr;
    FileDropHandler *m_fileDrops = nullptr;
    bool m_defaultLayoutPending = false; // applied at the first show, once the window has a size
};

} // namespace infralab
